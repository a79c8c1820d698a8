package cn.shixun.processowner.policies;

import cn.shixun.policy.PolicyVersions;
import cn.shixun.processowner.testcases.PolicyTestRun;
import cn.shixun.security.CurrentAccounts;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Draft policy versions for the process owner's console: copy a profile's version in force for a
 * new notice, read the draft with its table drafts (edited through {@code /process-owner/api/drafts}),
 * and run the profile's test cases on it beside the published version.
 */
@RestController
@RequestMapping("/process-owner/api")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class PolicyDraftApi {

    private final PolicyVersionDrafts drafts;
    private final CurrentAccounts accounts;

    PolicyDraftApi(PolicyVersionDrafts drafts, CurrentAccounts accounts) {
        this.drafts = drafts;
        this.accounts = accounts;
    }

    @PostMapping("/policies/{profileCode}/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyVersionDrafts.PolicyDraft copyAsNewVersion(@PathVariable String profileCode,
                                                     @RequestBody PolicyVersions.Notice notice) {
        return drafts.copyAsNewVersion(profileCode, notice, accounts.require().username());
    }

    /** The notice's fields and the regions it names (division codes); the same checks as the page's form. */
    record NoticeRevision(String title, String issuingBody, String documentNumber, LocalDate effectiveFrom,
                          LocalDate effectiveTo, List<String> regions) {
    }

    @PutMapping("/policy-drafts/{id}/notice")
    PolicyVersionDrafts.PolicyDraft reviseNotice(@PathVariable long id, @RequestBody NoticeRevision revision) {
        drafts.reviseNotice(id, new PolicyVersions.Notice(revision.title(), revision.issuingBody(), revision.documentNumber(),
                revision.effectiveFrom(), revision.effectiveTo()), revision.regions());
        return drafts.get(id);
    }

    @PostMapping("/policy-drafts/{id}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable long id) {
        drafts.discard(id);
    }

    @GetMapping("/policy-drafts/{id}")
    PolicyVersionDrafts.PolicyDraft get(@PathVariable long id) {
        return drafts.get(id);
    }

    @GetMapping("/policy-drafts/{id}/test-cases/results")
    List<PolicyTestRun.CaseResult> testCaseResults(@PathVariable long id) {
        return drafts.runTestCases(id);
    }
}
