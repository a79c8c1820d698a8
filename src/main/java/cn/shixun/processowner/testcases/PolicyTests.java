package cn.shixun.processowner.testcases;

import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** A profile's test cases run under the published policy, and beside it under a draft. */
@Service
public class PolicyTests {

    private final PolicyTestCases cases;
    private final PolicyProfiles profiles;
    private final PolicyDecisions decisions;

    PolicyTests(PolicyTestCases cases, PolicyProfiles profiles, PolicyDecisions decisions) {
        this.cases = cases;
        this.profiles = profiles;
        this.decisions = decisions;
    }

    public List<PolicyTestCase> ofProfile(String profileCode) {
        return cases.ofProfile(known(profileCode));
    }

    /** The cases under the version in force on each case's date. */
    public List<PolicyTestRun.CaseResult> run(String profileCode) {
        return PolicyTestRun.run(ofProfile(profileCode), published(), null);
    }

    /** The cases under the published policy and under {@code draft}, side by side. */
    public List<PolicyTestRun.CaseResult> run(String profileCode, PolicyUnderTest draft) {
        return PolicyTestRun.run(ofProfile(profileCode), published(), draft);
    }

    /** Records what a case now expects (see {@link PolicyTestCases#expect}). */
    public void expect(long id, int lockVersion, Map<String, PolicyTestCase.Expectation> expected, String by) {
        if (expected == null || expected.isEmpty()) {
            throw BusinessRuleException.violation(null, "expected", "policy-test-case.expected-empty");
        }
        cases.expect(id, lockVersion, expected, by);
    }

    public PolicyUnderTest published() {
        return PolicyUnderTest.published(profiles, decisions);
    }

    private String known(String profileCode) {
        if (profiles.all().stream().map(PolicyProfile::code).noneMatch(profileCode::equals)) {
            throw BusinessRuleException.notFound("profileCode", "policy.unknown-profile", profileCode);
        }
        return profileCode;
    }
}
