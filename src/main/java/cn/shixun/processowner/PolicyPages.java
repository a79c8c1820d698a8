package cn.shixun.processowner;

import cn.shixun.policy.PolicyVersions;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.impact.ImpactPreviews;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.processowner.policies.PolicyVersionOverview;
import cn.shixun.processowner.testcases.PolicyTests;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages for policy versions (ADR 0012 §2): a profile's versions with "复制为新版本",
 * a draft version with its four table drafts, its test-case run beside the published version and its
 * impact preview, and a profile's test cases under the published version. The page scripts call
 * {@code /process-owner/api} for what changes without a reload (试算, expectations, the preview).
 * Nine collaborators because the draft version's page puts side by side what four services keep
 * (the versions, the drafts, the test runs, the previews), each read once for the page.
 */
@Controller
@RequestMapping("/process-owner")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class PolicyPages {

    /** The notice fields a refusal may name; another field's refusal is shown above the form. */
    private static final Set<String> NOTICE_FIELDS = Set.of("title", "issuingBody", "documentNumber", "effectiveFrom",
            "effectiveTo", "regions");

    private final PolicyVersionOverview overview;
    private final PolicyVersionDrafts policyDrafts;
    private final ModelDrafts drafts;
    private final PolicyTests tests;
    private final ImpactPreviews previews;
    private final ModelCatalogue catalogue;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;
    private final ObjectMapper json;

    PolicyPages(PolicyVersionOverview overview, PolicyVersionDrafts policyDrafts, ModelDrafts drafts, PolicyTests tests,
                ImpactPreviews previews, ModelCatalogue catalogue, CurrentAccounts accounts, RefusalText refusals,
                ObjectMapper json) {
        this.overview = overview;
        this.policyDrafts = policyDrafts;
        this.drafts = drafts;
        this.tests = tests;
        this.previews = previews;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.refusals = refusals;
        this.json = json;
    }

    /** The "复制为新版本" form as typed: dates stay text so that a wrong one is shown back as it was. */
    record NoticeForm(String title, String issuingBody, String documentNumber, String effectiveFrom, String effectiveTo) {

        static NoticeForm empty() {
            return new NoticeForm("", "", "", "", "");
        }

        PolicyVersions.Notice notice() {
            return new PolicyVersions.Notice(title, blankToNull(issuingBody), blankToNull(documentNumber),
                    date("effectiveFrom", effectiveFrom), date("effectiveTo", effectiveTo));
        }

        private static LocalDate date(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw BusinessRuleException.violation(null, field, "processowner.policy.date-invalid", text.strip());
            }
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A draft's 修改文件信息 form as typed: the notice's fields and the regions as division codes separated by commas or spaces. */
    record DraftNoticeForm(String title, String issuingBody, String documentNumber, String effectiveFrom, String effectiveTo,
                           String regions) {

        static DraftNoticeForm of(PolicyVersionOverview.Version version) {
            return new DraftNoticeForm(version.title(), orEmpty(version.issuingBody()), orEmpty(version.documentNumber()),
                    String.valueOf(version.effectiveFrom()), version.effectiveTo() == null ? "" : version.effectiveTo().toString(),
                    version.regions().stream().map(PolicyVersionOverview.Region::code).collect(Collectors.joining(", ")));
        }

        PolicyVersions.Notice notice() {
            return new NoticeForm(title, issuingBody, documentNumber, effectiveFrom, effectiveTo).notice();
        }

        List<String> regionCodes() {
            return regions == null ? List.of() : List.of(regions.strip().split("[,，、;；\\s]+"));
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    /** A table draft of a draft version as listed on its page. */
    record TableDraft(String decisionKey, String decisionName, long draftId, String resourceName, String state,
                      String updatedBy, Instant updatedAt) {
    }

    @GetMapping("/policies/{code}")
    String profile(@PathVariable String code, Model model) {
        model.addAttribute("form", NoticeForm.empty());
        model.addAttribute("errors", Map.of());
        return profilePage(code, model);
    }

    @PostMapping("/policies/{code}/drafts")
    String copyAsNewVersion(@PathVariable String code, @ModelAttribute("form") NoticeForm form, Model model,
                            HttpServletResponse response) {
        overview.name(code); // an unknown profile is refused with 404 before anything is read from the form
        try {
            long id = policyDrafts.copyAsNewVersion(code, form.notice(), accounts.require().username()).id();
            return "redirect:/process-owner/policy-drafts/" + id;
        } catch (BusinessRuleException refusal) {
            showRefusal(refusal, model, response, "errors", "formError");
            return profilePage(code, model);
        }
    }

    @GetMapping("/policies/{code}/test-cases")
    String testCases(@PathVariable String code, Model model) {
        model.addAttribute("profile", overview.profile(code));
        model.addAttribute("cases", TestRunView.of(tests.run(code), json));
        return "processowner/policy-test-cases";
    }

    @GetMapping("/policy-drafts/{id}")
    String draft(@PathVariable long id, Model model) {
        PolicyVersionDrafts.PolicyDraft draft = policyDrafts.get(id);
        Map<String, String> names = catalogue.decisions().stream()
                .collect(Collectors.toMap(DecisionSummary::key, DecisionSummary::name));
        List<TableDraft> tables = draft.tableDrafts().entrySet().stream().map(table -> {
            ModelDraft tableDraft = drafts.get(table.getValue());
            return new TableDraft(table.getKey(), names.getOrDefault(table.getKey(), table.getKey()), tableDraft.id(),
                    tableDraft.resourceName(), tableDraft.state().label(), tableDraft.updatedBy(), tableDraft.updatedAt());
        }).toList();
        PolicyVersionOverview.Profile profile = overview.profile(draft.version().code());
        PolicyVersionOverview.Version version = profile.versions().stream().filter(v -> v.id() == id).findFirst().orElseThrow();
        model.addAttribute("noticeVersion", version);
        if (!model.containsAttribute("noticeForm")) {
            model.addAttribute("noticeForm", DraftNoticeForm.of(version));
            model.addAttribute("noticeErrors", Map.of());
        }
        model.addAttribute("draft", draft);
        model.addAttribute("profileCode", draft.version().code());
        model.addAttribute("profileName", profile.name());
        model.addAttribute("tables", tables);
        model.addAttribute("cases", TestRunView.of(policyDrafts.runTestCases(id), json));
        model.addAttribute("latestImpact", previews.latestOf(id).orElse(null));
        return "processowner/policy-draft";
    }

    /** 修改文件信息: a refusal shows the form again, open, with the reason beside its field and nothing changed. */
    @PostMapping("/policy-drafts/{id}/notice")
    String reviseNotice(@PathVariable long id, @ModelAttribute("noticeForm") DraftNoticeForm form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        try {
            policyDrafts.reviseNotice(id, form.notice(), form.regionCodes());
            redirect.addFlashAttribute("noticeRevised", true);
            return "redirect:/process-owner/policy-drafts/" + id;
        } catch (BusinessRuleException refusal) {
            showRefusal(refusal, model, response, "noticeErrors", "noticeError");
            model.addAttribute("noticeOpen", true);
            return draft(id, model);
        }
    }

    /** The draft's test-case run alone, for the page's "试算" button, which puts it in place of the last one. */
    @GetMapping("/policy-drafts/{id}/test-cases")
    String draftTestRun(@PathVariable long id, Model model) {
        model.addAttribute("draft", policyDrafts.get(id));
        model.addAttribute("cases", TestRunView.of(policyDrafts.runTestCases(id), json));
        return "processowner/policy-test-run :: run";
    }

    @PostMapping("/policy-drafts/{id}/discard")
    String discard(@PathVariable long id, RedirectAttributes redirect) {
        PolicyVersionDrafts.PolicyDraft draft = policyDrafts.get(id);
        policyDrafts.discard(id);
        redirect.addFlashAttribute("discarded", draft.version().label());
        return "redirect:/process-owner/policies/" + draft.version().code();
    }

    /** A notice form's refusal: beside its field when it names one, above the form otherwise; the refusal's status. */
    private void showRefusal(BusinessRuleException refusal, Model model, HttpServletResponse response, String fieldErrors,
                             String formError) {
        String message = refusals.forReader(refusal);
        boolean besideField = NOTICE_FIELDS.contains(refusal.field());
        model.addAttribute(fieldErrors, besideField ? Map.of(refusal.field(), message) : Map.of());
        model.addAttribute(formError, besideField ? null : message);
        response.setStatus(RefusalStatus.of(refusal).value());
    }

    private String profilePage(String code, Model model) {
        model.addAttribute("profile", overview.profile(code));
        model.addAttribute("decisionNames", catalogue.decisions().stream()
                .collect(Collectors.toMap(DecisionSummary::key, DecisionSummary::name)));
        return "processowner/policy";
    }

    /** An unknown profile or draft: the "page not found" page. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refused(BusinessRuleException refusal) {
        HttpStatus status = RefusalStatus.of(refusal);
        return ErrorPage.of(status);
    }
}
