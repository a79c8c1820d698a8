package cn.shixun.processowner.testcases;

import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.PolicyProfiles;
import java.time.LocalDate;

/**
 * A policy a test case is run under: which version of the profile is in force on a date, and the
 * decision tables that answer for it. The published policy is one; a draft (a new version with
 * its own tables) is another.
 */
public record PolicyUnderTest(Versions versions, PolicyDecisions decisions) {

    /** Which version of a profile is in force on a date. */
    @FunctionalInterface
    public interface Versions {
        PolicyProfile versionOn(String profileCode, LocalDate date);
    }

    /** The versions published and the tables they are pinned to. */
    static PolicyUnderTest published(PolicyProfiles profiles, PolicyDecisions decisions) {
        return new PolicyUnderTest(profiles::version, decisions);
    }

    PolicyProfile versionOn(String profileCode, LocalDate date) {
        return versions.versionOn(profileCode, date);
    }
}
