package cn.shixun.countyplan;

import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.countyplan.process.CountyPlanProcess;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * County plan filing: the county bureau files, amends and reports; the city's
 * decisions arrive through the casework ({@link #decided}); the participants' hours go to the
 * ledger. Every refusal comes before anything is written.
 *
 * <p>Nine collaborators, one over the house's eight: the record, the county it is filed for, the
 * scope, the plan's checks ({@link PlanContentChecks}, already apart), the casework (tasks, history,
 * process), the audit events and the clock, one each for the steps a filing and its amendments take.
 */
@Service
@Transactional(readOnly = true)
public class CountyPlans {

    public static final String PROCESS = CountyPlanProcess.PROCESS_ID;

    private static final Logger log = LoggerFactory.getLogger(CountyPlans.class);

    private final CountyPlanRepository repository;
    private final Organisations organisations;
    private final AccessScope scope;
    private final PlanContentChecks checks;
    private final CaseTasks caseTasks;
    private final CaseHistory history;
    private final CountyPlanProcess process;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CountyPlans(CountyPlanRepository repository, Organisations organisations, AccessScope scope,
                PlanContentChecks checks, CaseTasks caseTasks, CaseHistory history, CountyPlanProcess process,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.scope = scope;
        this.checks = checks;
        this.caseTasks = caseTasks;
        this.history = history;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The county bureau files its plan for the year with the city. Refused, with nothing
     * written: a caller who is not a reviewer of that county, a county unknown or not a
     * county, a year other than this one or the next, a year already filed, no projects, a
     * headcount of zero or less, a project the county may not design. Filed after 1 April:
     * accepted and flagged.
     */
    @Transactional
    public CountyPlan file(CurrentAccount account, PlanDraft draft) {
        if (draft == null || draft.countyId() == null) {
            throw BusinessRuleException.violation("R-32", "countyId", "countyplan.county-required");
        }
        Organisation county = requireCountyOf(account, draft.countyId());
        // One reading of the business clock: the day the plan shows as filed (its creation time) is the day judged late.
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        int year = PlanContentChecks.checkYear(draft.year(), today);
        List<PlanProject> projects = PlanContentChecks.projectsOf(draft.projects());
        if (repository.findByCountyIdAndYear(county.getId(), year).stream()
                .anyMatch(plan -> plan.status().countsAsFiled())) {
            throw BusinessRuleException.conflict("R-32", "year", "countyplan.year-already-filed", county.name(), year);
        }
        Organisation city = organisations.require(county.parentId(), "countyId");
        String countyGroup = CandidateGroup.of(Role.COUNTY_REVIEWER, county.code()).id();
        String cityGroup = CandidateGroup.of(Role.CITY_REVIEWER, city.code()).id();
        boolean late = FilingCalendar.isLate(year, today);
        CountyPlan plan = repository.saveAndFlush(new CountyPlan(county.getId(), year, FilingCalendar.filingDue(year),
                late, account.username(), countyGroup, cityGroup, projects, now));
        plan.startedAs(process.start(plan.getId()));
        history.record(PROCESS, caseId(plan), null, "报送年度培训计划", CaseOutcome.SUBMITTED,
                late ? "逾期报送：应于 " + plan.filingDue() + " 前报送" : null, account.username());
        log.info("County plan {} of {} for {} filed by {}{}, routed to {}", plan.getId(), county.code(), year,
                account.username(), late ? " (late)" : "", cityGroup);
        return plan;
    }

    /** The county amends a returned plan; the city reviews it again. The replaced projects stay in the history. */
    @Transactional
    public CountyPlan amend(Long id, CurrentAccount account, PlanDraft draft) {
        CountyPlan plan = require(id);
        CaseTask task = openStep(plan, CountyPlanProcess.AMEND_PLAN, account);
        if (draft == null) {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.projects-required");
        }
        if (draft.countyId() != null && !draft.countyId().equals(plan.countyId())) {
            throw BusinessRuleException.violation("R-32", "countyId", "countyplan.county-fixed");
        }
        if (draft.year() != null && draft.year() != plan.year()) {
            throw BusinessRuleException.violation("R-32", "year", "countyplan.year-fixed", plan.year());
        }
        List<PlanProject> projects = PlanContentChecks.projectsOf(draft.projects());
        Instant now = Instant.now();
        history.record(PROCESS, caseId(plan), task.taskKey(), "修改前的培训计划", CaseOutcome.SUBMITTED,
                describe(plan.projects()), account.username());
        plan.replaceProjects(projects, now);
        repository.flush();
        caseTasks.submit(task.id(), account);
        events.publishEvent(new AuditedAction("countyPlan.amend", PROCESS, caseId(plan), describe(plan.projects())));
        return plan;
    }

    /** The city records the HR bureau's filing of the approved plan; the plan is then filed. */
    @Transactional
    public CountyPlan recordHrFiling(Long id, CurrentAccount account, HrFiling filing) {
        CountyPlan plan = require(id);
        CaseTask task = openStep(plan, CountyPlanProcess.HR_FILING, account);
        if (filing == null) {
            throw BusinessRuleException.violation("R-32", "receiptNumber", "countyplan.hr-filing-required");
        }
        String bureau = PlanContentChecks.text(filing.hrBureau(), "hrBureau", PlanContentChecks.MAX_TEXT);
        String receipt = PlanContentChecks.text(filing.receiptNumber(), "receiptNumber", 64);
        if (filing.filedOn() == null) {
            throw BusinessRuleException.violation("R-32", "filedOn", "countyplan.hr-filing-required");
        }
        if (filing.filedOn().isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-32", "filedOn", "countyplan.date-in-future", filing.filedOn());
        }
        plan.hrFiled(bureau, receipt, filing.filedOn(), account.username(), Instant.now());
        repository.flush();
        caseTasks.submit(task.id(), account);
        events.publishEvent(new AuditedAction("countyPlan.hrFiling", PROCESS, caseId(plan),
                bureau + " 备案回执 " + receipt + "（" + filing.filedOn() + "）"));
        return plan;
    }

    /**
     * The county reports the training: every project's hours delivered, dates, sign-in sheet
     * and participants. Refused before anything is written: a project missing or unknown, hours
     * of zero or less, dates outside the plan year or in the future, no sign-in sheet, no
     * participants, a staff number unknown, outside the county, listed twice, or of a teacher
     * who is not registrable.
     */
    @Transactional
    public CountyPlan reportSummary(Long id, CurrentAccount account, PlanSummary summary) {
        CountyPlan plan = require(id);
        CaseTask task = openStep(plan, CountyPlanProcess.SUBMIT_SUMMARY, account);
        if (summary == null || summary.projects() == null || summary.projects().isEmpty()) {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.summary-projects-required");
        }
        String text = PlanContentChecks.text(summary.summary(), "summary", PlanContentChecks.MAX_LONG_TEXT);
        Set<Long> reported = new HashSet<>();
        List<Runnable> writes = new ArrayList<>();
        for (int i = 0; i < summary.projects().size(); i++) {
            ProjectReport report = summary.projects().get(i);
            String at = "projects[" + i + "].";
            PlanProject project = Optional.ofNullable(report == null ? null : report.projectId())
                    .flatMap(plan::project).orElseThrow(() -> BusinessRuleException.violation("R-32", at + "projectId",
                            "countyplan.project-unknown", report == null ? null : report.projectId()));
            if (!reported.add(project.getId())) {
                throw BusinessRuleException.conflict("R-40", at + "projectId", "countyplan.project-reported-twice",
                        project.name());
            }
            writes.add(checks.checkedReport(plan, project, report, at));
        }
        plan.projects().stream().filter(project -> !reported.contains(project.getId())).findFirst().ifPresent(missing -> {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.project-not-reported", missing.name());
        });
        if (plan.summarySubmittedAt() != null) {
            history.record(PROCESS, caseId(plan), task.taskKey(), "修改前的培训总结", CaseOutcome.SUBMITTED,
                    plan.summaryText() + "；" + describe(plan.projects()), account.username());
        }
        writes.forEach(Runnable::run);
        plan.summaryReported(text, Instant.now());
        repository.flush();
        caseTasks.submit(task.id(), account);
        events.publishEvent(new AuditedAction("countyPlan.summary", PROCESS, caseId(plan), describe(plan.projects())));
        return plan;
    }

    public CountyPlan require(Long id) {
        return repository.findById(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "countyplan.not-found", id));
    }

    /** The plan if the account's scope covers the county (its bureau, the city, the province); otherwise not found. */
    public CountyPlan requireVisibleTo(Long id, CurrentAccount account) {
        CountyPlan plan = require(id);
        if (account.isTeacher() || !scope.covers(account, plan.countyId())) {
            throw BusinessRuleException.notFound("id", "countyplan.not-found", id);
        }
        return plan;
    }

    /** The plans of a county the account may see, newest year first. */
    public List<CountyPlan> ofCounty(Long countyId, CurrentAccount account) {
        if (account.isTeacher() || !scope.covers(account, countyId)) {
            throw BusinessRuleException.forbidden("R-04", "countyId", "countyplan.county-outside-scope", countyId);
        }
        return repository.findByCountyIdOrderByYearDescIdDesc(countyId);
    }

    /** The plans of every county the account's scope covers (a county's own, a city's counties), newest year first. */
    public Page<CountyPlan> visibleTo(CurrentAccount account, int page, int size) {
        if (account.isTeacher()) {
            return Page.empty(PageRequest.of(page, size));
        }
        List<Long> counties = organisations.list(OrganisationLevel.COUNTY, null).stream().map(Organisation::getId)
                .filter(countyId -> scope.covers(account, countyId)).toList();
        if (counties.isEmpty()) {
            return Page.empty(PageRequest.of(page, size));
        }
        return repository.findByCountyIdInOrderByYearDescIdDesc(counties, PageRequest.of(page, size));
    }

    public List<CaseEvent> history(Long id) {
        return history.of(PROCESS, String.valueOf(id));
    }

    public List<CaseTask> openTasks(Long id) {
        return caseTasks.openTasks(PROCESS, String.valueOf(id));
    }

    /** Where each of the plans stands in its process, read in one task query for a list. */
    public Map<Long, CaseProgress> progressOf(Collection<CountyPlan> listed) {
        return caseTasks.progressOf(PROCESS, listed.stream().map(CountyPlan::getId).toList());
    }

    /** One line for a reviewer's worklist. */
    public String summary(Long id) {
        return repository.findById(id).map(plan -> organisations.find(plan.countyId()).map(Organisation::name)
                .orElse("?") + plan.year() + "年度教师培训计划（" + plan.projects().size() + "个项目"
                + (plan.projects().stream().anyMatch(PlanProject::keyTeacher) ? "，含名师骨干项目" : "")
                + (plan.filedLate() ? "，逾期报送" : "") + "）").orElse(String.valueOf(id));
    }

    private Organisation requireCountyOf(CurrentAccount account, Long countyId) {
        Organisation county = organisations.require(countyId, "countyId");
        if (county.level() != OrganisationLevel.COUNTY) {
            throw BusinessRuleException.violation("R-02", "countyId", "countyplan.not-a-county", county.name());
        }
        if (account.role() != Role.COUNTY_REVIEWER || !scope.covers(account, countyId)) {
            throw BusinessRuleException.forbidden("R-04", "countyId", "countyplan.county-outside-scope", county.name());
        }
        return county;
    }

    /** The plan's open step {@code taskKey}, whose data this service takes, if {@code account} may work on it. */
    private CaseTask openStep(CountyPlan plan, String taskKey, CurrentAccount account) {
        List<CaseTask> open = caseTasks.openTasks(PROCESS, caseId(plan));
        CaseTask task = open.stream().filter(step -> step.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-32", "id", "countyplan.step-not-open",
                        plan.getId(), CaseProgress.of(open).statusLabel(plan.status())));
        return caseTasks.requireWorkable(task.id(), account);
    }

    static String describe(List<PlanProject> projects) {
        return projects.stream().map(PlanProject::describe).collect(Collectors.joining("；"));
    }

    private static String caseId(CountyPlan plan) {
        return String.valueOf(plan.getId());
    }
}
