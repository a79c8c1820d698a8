package cn.shixun.countyplan.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.countyplan.CountyPlan;
import cn.shixun.countyplan.CountyPlanUploads;
import cn.shixun.countyplan.CountyPlans;
import cn.shixun.countyplan.PlanDraft;
import cn.shixun.countyplan.PlanSummary;
import cn.shixun.countyplan.web.CountyPlanForms.HrFilingForm;
import cn.shixun.countyplan.web.CountyPlanForms.PlanForm;
import cn.shixun.countyplan.web.CountyPlanForms.SummaryForm;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.PageDates;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseProgress;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The county plan pages: the plans of the account's scope, a new plan with its
 * projects, and the case page where the open submission step is filled in — the county's
 * amendment and training summary, the city's record of the HR bureau's filing. Every form calls
 * the same {@link CountyPlans} method as the JSON API; a refusal comes back on the form with the
 * values typed and nothing written. The city's reviews stay in the workbench. The summary's
 * sign-in sheets are uploaded with it, one per project ({@code sheet-<index>}), and stored as the
 * county's evidence files in the same transaction as the summary ({@link CountyPlanUploads}): a
 * refused summary stores none.
 */
@Controller
class CountyPlanPages {

    static final int PAGE_SIZE = 20;
    /** The name of project {@code i}'s sign-in sheet upload in the summary form: {@code sheet-<i>}. */
    static final String SHEET_PREFIX = "sheet-";
    /** Roles that never see a county plan: asking for one is forbidden, not "not found". */
    private static final Set<Role> NOT_FOR = Set.of(Role.TEACHER, Role.SCHOOL_ADMIN);
    private static final Pattern PLAN_FIELDS =
            Pattern.compile("year|projects\\[\\d+]\\.(name|mode|stage|headcount|courseSchedule)");
    private static final Pattern AMEND_FIELDS =
            Pattern.compile("projects\\[\\d+]\\.(name|mode|stage|headcount|courseSchedule)");
    private static final Pattern HR_FIELDS = Pattern.compile("hrBureau|receiptNumber|filedOn");
    private static final Pattern SUMMARY_FIELDS =
            Pattern.compile("summary|projects\\[\\d+]\\.(deliveredHours|trainingStart|trainingEnd|signInSheet|participants)");

    private final CountyPlans plans;
    private final CountyPlanCasePage casePage;
    private final CurrentAccounts accounts;
    private final Organisations organisations;
    private final RefusalText refusals;
    private final CountyPlanUploads uploads;
    private final Clock clock;

    CountyPlanPages(CountyPlans plans, CountyPlanCasePage casePage, CurrentAccounts accounts,
                    Organisations organisations, RefusalText refusals, CountyPlanUploads uploads, Clock clock) {
        this.plans = plans;
        this.casePage = casePage;
        this.accounts = accounts;
        this.organisations = organisations;
        this.refusals = refusals;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** One line of the list: its status as people read it, and which level the open steps wait for. */
    record Row(CountyPlan plan, String county, String filedOn, CountyPlanCasePage.Badge status, String waitingFor) {
    }

    @GetMapping("/county-plans")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentAccount account = requireReader();
        Page<CountyPlan> found = plans.visibleTo(account, Math.max(page, 0), PAGE_SIZE);
        Map<Long, CaseProgress> progress = plans.progressOf(found.getContent());
        model.addAttribute("rows", found.getContent().stream().map(plan -> {
            CaseProgress where = progress.get(plan.getId());
            String waitingFor = where.openSteps().stream().map(step -> step.level().label()).distinct()
                    .collect(Collectors.joining("、"));
            return new Row(plan, countyName(plan), day(plan.createdAt()), CountyPlanCasePage.Badge.of(plan, where),
                    waitingFor.isEmpty() ? null : waitingFor);
        }).toList());
        model.addAttribute("page", found);
        model.addAttribute("mayFile", account.is(Role.COUNTY_REVIEWER));
        return "countyplan/list";
    }

    @GetMapping("/county-plans/new")
    String newPlan(Model model) {
        requireFiler();
        model.addAttribute("form", PlanForm.empty(LocalDate.now(clock).getYear()));
        return newPage(model);
    }

    @PostMapping("/county-plans")
    String file(@ModelAttribute("form") PlanForm form, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        CurrentAccount account = requireFiler();
        try {
            CountyPlan plan = plans.file(account, form.draft(account.organisationId()));
            redirect.addFlashAttribute("done", "countyplan.page.filed");
            return "redirect:/county-plans/" + plan.getId();
        } catch (BusinessRuleException refusal) {
            refused(refusal, PLAN_FIELDS, model, response);
            return newPage(model);
        }
    }

    @GetMapping("/county-plans/{id}")
    String show(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = requireReader();
        return visible(id, account).map(plan -> casePage.show(plan, account, model))
                .orElseGet(() -> notFound(model, response));
    }

    @PostMapping("/county-plans/{id}/amendment")
    String amend(@PathVariable Long id, @ModelAttribute("form") PlanForm form, Model model,
                 RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, model, redirect, response, AMEND_FIELDS, "countyplan.page.amended",
                account -> plans.amend(id, account, new PlanDraft(null, null, form.draft(null).projects())));
    }

    @PostMapping("/county-plans/{id}/hr-filing")
    String recordHrFiling(@PathVariable Long id, @ModelAttribute("form") HrFilingForm form, Model model,
                          RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, model, redirect, response, HR_FIELDS, "countyplan.page.hr-filed",
                account -> plans.recordHrFiling(id, account, form.filing()));
    }

    @PostMapping("/county-plans/{id}/summary")
    String reportSummary(@PathVariable Long id, @ModelAttribute("form") SummaryForm form,
                         @RequestParam Map<String, MultipartFile> sheets, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        return act(id, model, redirect, response, SUMMARY_FIELDS, "countyplan.page.summary-sent",
                account -> {
                    PlanSummary summary = form.summary();
                    // Project i's sheet is uploaded in box sheet-<i>, or the county's earlier file chosen there.
                    List<MultipartFile> uploaded = IntStream.range(0, summary.projects().size())
                            .mapToObj(i -> sheets.get(SHEET_PREFIX + i)).toList();
                    uploads.reportSummary(id, account, summary, uploaded);
                });
    }

    /** One submission step: the plan must be visible (else 404); a refusal re-renders the case page with the typed form. */
    private String act(Long id, Model model, RedirectAttributes redirect, HttpServletResponse response, Pattern fields,
                       String doneKey, Consumer<CurrentAccount> step) {
        CurrentAccount account = requireReader();
        Optional<CountyPlan> plan = visible(id, account);
        if (plan.isEmpty()) {
            return notFound(model, response);
        }
        try {
            step.accept(account);
            redirect.addFlashAttribute("done", doneKey);
            return "redirect:/county-plans/" + id;
        } catch (BusinessRuleException refusal) {
            refused(refusal, fields, model, response);
            return casePage.show(plans.require(id), account, model);
        }
    }

    private String newPage(Model model) {
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("years", List.of(year, year + 1));
        CountyPlanForms.addChoices(model);
        return "countyplan/new";
    }

    private void refused(BusinessRuleException refusal, Pattern fields, Model model, HttpServletResponse response) {
        String message = refusals.forReader(refusal);
        // A participant's refusal names its place in the list; the form has one box per project for them.
        String field = refusal.field() == null ? "" : refusal.field().replaceFirst("(\\.participants)\\[\\d+]$", "$1");
        Map<String, String> errors = new HashMap<>();
        if (fields.matcher(field).matches()) {
            errors.put(field, message);
        } else {
            model.addAttribute("formError", message);
        }
        model.addAttribute("errors", errors);
        response.setStatus(RefusalStatus.of(refusal).value());
    }

    /** The plan if the account's scope covers its county; otherwise empty, answered like an unknown id. */
    private Optional<CountyPlan> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(plans.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    private CurrentAccount requireReader() {
        CurrentAccount account = accounts.require();
        if (NOT_FOR.contains(account.role())) {
            throw new AccessDeniedException(account.username() + " (" + account.role() + ") has no county plans");
        }
        return account;
    }

    private CurrentAccount requireFiler() {
        CurrentAccount account = accounts.require();
        if (!account.is(Role.COUNTY_REVIEWER)) {
            throw new AccessDeniedException("only a county reviewer files a county plan, not " + account.username());
        }
        return account;
    }

    private String countyName(CountyPlan plan) {
        return organisations.find(plan.countyId()).map(Organisation::name).orElse("");
    }

    private static String day(Instant instant) {
        return PageDates.DAY.format(instant);
    }
}
