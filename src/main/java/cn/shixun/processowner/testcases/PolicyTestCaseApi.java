package cn.shixun.processowner.testcases;

import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy test cases for the process owner's console: a profile's cases, their run under the
 * version in force, and a case's expectation changed on purpose (with the version read, so that two
 * owners editing one case do not overwrite each other).
 */
@RestController
@RequestMapping("/process-owner/api")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class PolicyTestCaseApi {

    private final PolicyTests tests;
    private final CurrentAccounts accounts;

    PolicyTestCaseApi(PolicyTests tests, CurrentAccounts accounts) {
        this.tests = tests;
        this.accounts = accounts;
    }

    @GetMapping("/policies/{profileCode}/test-cases")
    List<PolicyTestCase> cases(@PathVariable String profileCode) {
        return tests.ofProfile(profileCode);
    }

    @GetMapping("/policies/{profileCode}/test-cases/results")
    List<PolicyTestRun.CaseResult> results(@PathVariable String profileCode) {
        return tests.run(profileCode);
    }

    /** {@code If-Match} carries the case's {@code lockVersion} as read. */
    @PutMapping("/test-cases/{id}/expected")
    ResponseEntity<Void> expect(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestBody Map<String, PolicyTestCase.Expectation> expected) {
        tests.expect(id, lockVersion(ifMatch), expected, accounts.require().username());
        return ResponseEntity.noContent().build();
    }

    private static int lockVersion(String ifMatch) {
        if (ifMatch == null || !ifMatch.replace("\"", "").strip().matches("\\d{1,9}")) {
            throw BusinessRuleException.violation(null, "If-Match", "policy-test-case.if-match-required");
        }
        return Integer.parseInt(ifMatch.replace("\"", "").strip());
    }
}
