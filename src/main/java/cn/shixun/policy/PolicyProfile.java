package cn.shixun.policy;

import java.time.LocalDate;

/**
 * One version of a region's policy profile: a new notice is a new version with its own
 * effective date, never an edit of an old one.
 */
public record PolicyProfile(String code, int version, LocalDate effectiveFrom, String title) {

    public String label() {
        return code + " v" + version;
    }
}
