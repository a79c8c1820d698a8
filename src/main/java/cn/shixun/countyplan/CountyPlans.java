package cn.shixun.countyplan;

import cn.shixun.countyplan.PlanDraft.ProjectDraft;
import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.countyplan.process.CountyPlanProcess;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.Evidence;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProjectDesignAuthorities;
import cn.shixun.organisation.ProjectType;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.HourCalculator;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RequiredText;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 */
@Service
@Transactional(readOnly = true)
public class CountyPlans {

    public static final String PROCESS = CountyPlanProcess.PROCESS_ID;
    static final int MAX_TEXT = 200;
    static final int MAX_LONG_TEXT = 2000;
    static final int MAX_PROJECTS = 100;
    static final int MAX_HEADCOUNT = 100_000;
    static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    private static final Logger log = LoggerFactory.getLogger(CountyPlans.class);

    private final CountyPlanRepository repository;
    private final Organisations organisations;
    private final AccessScope scope;
    private final Teachers teachers;
    private final CaseCredits credits;
    private final CaseTasks caseTasks;
    private final CaseHistory history;
    private final CountyPlanProcess process;
    private final ApplicationEventPublisher events;
    private final EvidenceFiles evidence;
    private final Clock clock;

    CountyPlans(CountyPlanRepository repository, Organisations organisations, AccessScope scope, Teachers teachers,
                CaseCredits credits, CaseTasks caseTasks, CaseHistory history, CountyPlanProcess process,
                ApplicationEventPublisher events, EvidenceFiles evidence, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.organisations = organisations;
        this.scope = scope;
        this.teachers = teachers;
        this.credits = credits;
        this.caseTasks = caseTasks;
        this.history = history;
        this.process = process;
        this.events = events;
        this.evidence = evidence;
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
        int year = checkYear(draft.year(), today);
        List<PlanProject> projects = projectsOf(draft.projects());
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
        List<PlanProject> projects = projectsOf(draft.projects());
        Instant now = Instant.now();
        history.record(PROCESS, caseId(plan), task.taskKey(), "修改前的培训计划", CaseOutcome.SUBMITTED,
                describe(plan.projects()), account.username());
        plan.replaceProjects(projects, now);
        plan.moveTo(PlanStatus.CITY_REVIEW, now);
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
        String bureau = text(filing.hrBureau(), "hrBureau", MAX_TEXT);
        String receipt = text(filing.receiptNumber(), "receiptNumber", 64);
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
        String text = text(summary.summary(), "summary", MAX_LONG_TEXT);
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
            writes.add(checkedReport(plan, project, report, at));
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
        plan.moveTo(PlanStatus.SUMMARY_AUDIT, Instant.now());
        repository.flush();
        caseTasks.submit(task.id(), account);
        events.publishEvent(new AuditedAction("countyPlan.summary", PROCESS, caseId(plan), describe(plan.projects())));
        return plan;
    }

    /** The casework: a city reviewer decided on the plan or on its summary. */
    @Transactional
    public void decided(Long id, String taskKey, Decision decision, String comment) {
        CountyPlan plan = require(id);
        Instant now = Instant.now();
        switch (taskKey) {
            case CountyPlanProcess.CITY_REVIEW -> {
                switch (decision) {
                    case APPROVE -> plan.moveTo(PlanStatus.HR_FILING, now);
                    case RETURN -> plan.moveTo(PlanStatus.RETURNED, now);
                    case REJECT -> plan.closed(PlanStatus.REJECTED, comment, now);
                }
            }
            case CountyPlanProcess.AUDIT_SUMMARY -> {
                switch (decision) {
                    case APPROVE -> plan.moveTo(PlanStatus.REGISTERING, now);
                    case RETURN -> plan.moveTo(PlanStatus.SUMMARY_RETURNED, now);
                    case REJECT -> plan.closed(PlanStatus.SUMMARY_REJECTED, comment, now);
                }
            }
            default -> throw new IllegalStateException("no decision expected at " + taskKey);
        }
    }

    /**
     * The casework: a submission task was completed. Its data must have been taken first —
     * through our API, which stores it and then completes the task; completing it elsewhere
     * (Tasklist) without that data is refused so that no step passes without its record.
     */
    public void requireSubmitted(Long id, String taskKey) {
        CountyPlan plan = require(id);
        boolean ready = switch (taskKey) {
            case CountyPlanProcess.AMEND_PLAN -> plan.status() == PlanStatus.CITY_REVIEW;
            case CountyPlanProcess.HR_FILING -> plan.hrFilingRecorded();
            case CountyPlanProcess.SUBMIT_SUMMARY -> plan.status() == PlanStatus.SUMMARY_AUDIT;
            default -> throw new IllegalStateException("no submission expected at " + taskKey);
        };
        if (!ready) {
            throw BusinessRuleException.conflict("R-40", "id", "countyplan.submit-through-api." + taskKey, id);
        }
    }

    /** {@code ServiceTask_FilePlan}: reviewed by the city and filed with the HR bureau — the plan is filed and may run. */
    @Transactional
    public void markFiled(Long id) {
        CountyPlan plan = require(id);
        plan.moveTo(PlanStatus.FILED, Instant.now());
        history.record(PROCESS, caseId(plan), CountyPlanProcess.FILE_PLAN, "计划备案", CaseOutcome.COMPLETED,
                "已备案（" + plan.hrBureau() + " 回执 " + plan.hrReceiptNumber() + "），各项目可以实施", CaseHistory.SYSTEM);
    }

    /**
     * Registers every participant's hours of the audited summary in the ledger: the hours come
     * from the teacher's policy profile for a bureau training with the hours delivered stated
     * never from the plan itself; the auditor is the decider. Each teacher is
     * written in a transaction of its own, so one refusal (R-01, evidence already registered)
     * is recorded against that teacher without holding back the others. When nobody could be
     * registered the plan ends as refused and the refusal is thrown for the process's error path.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public int registerHours(Long id) {
        CountyPlan plan = require(id);
        CaseCredits.Step step = credits.step(PROCESS, caseId(plan), CountyPlanProcess.REGISTER_HOURS, "登记学时",
                CountyPlanProcess.AUDIT_SUMMARY);
        String countyName = organisations.require(plan.countyId(), "countyId").name();
        int registered = 0;
        int refused = 0;
        for (PlanProject project : plan.projects()) {
            Claim claim = Claim.of(ClaimKind.BUREAU_TRAINING, project.trainingEnd()).from(project.trainingStart())
                    .hours(project.deliveredHours().toPlainString()).approved(true)
                    .title(countyName + plan.year() + "年县级培训：" + project.name()).build();
            Evidence evidence = Evidence.project(PROCESS + "/" + plan.getId(), project.evidenceNumber(plan.getId()),
                    project.signInSheet());
            for (Participant participant : project.participantsForUpdate()) {
                if (participant.ledgerEntryId() != null) {
                    registered++;
                    continue;
                }
                boolean written = credits.creditEach(step, new CaseCredits.Credit(participant.teacherId(), claim, evidence),
                        () -> project.name() + "：" + participant.staffNumber() + " ",
                        entry -> participant.registered(entry.getId()), participant::refused).isPresent();
                if (written) {
                    registered++;
                } else {
                    refused++;
                }
            }
        }
        Instant now = Instant.now();
        if (registered == 0) {
            plan.closed(PlanStatus.REGISTRATION_REFUSED, "所有参训教师的学时均被拒绝登记", now);
            log.warn("County plan {}: the ledger refused every participant ({})", id, refused);
            throw BusinessRuleException.conflict("R-40", "participants", "countyplan.nobody-registered", id);
        }
        plan.moveTo(PlanStatus.REGISTERED, now);
        history.record(PROCESS, caseId(plan), CountyPlanProcess.REGISTER_HOURS, "登记学时", CaseOutcome.COMPLETED,
                "已为 " + registered + " 人次登记学时" + (refused > 0 ? "，" + refused + " 人次被拒（见上）" : ""),
                CaseHistory.SYSTEM);
        log.info("County plan {}: {} registrations written, {} refused", id, registered, refused);
        return registered;
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

    private static int checkYear(Integer year, LocalDate today) {
        if (year == null) {
            throw BusinessRuleException.violation("R-32", "year", "countyplan.year-required");
        }
        if (year < today.getYear() || year > today.getYear() + 1) {
            throw BusinessRuleException.violation("R-32", "year", "countyplan.year-out-of-range", year,
                    today.getYear(), today.getYear() + 1);
        }
        return year;
    }

    /** R-32 content and R-05 design authority of each project; nothing is written here. */
    private static List<PlanProject> projectsOf(List<ProjectDraft> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.projects-required");
        }
        if (drafts.size() > MAX_PROJECTS) {
            throw BusinessRuleException.violation("R-32", "projects", "countyplan.too-many-projects", MAX_PROJECTS);
        }
        List<PlanProject> projects = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            ProjectDraft draft = drafts.get(i);
            String at = "projects[" + i + "].";
            if (draft == null) {
                throw BusinessRuleException.violation("R-32", at + "name", "countyplan.field-required");
            }
            String name = text(draft.name(), at + "name", MAX_TEXT);
            if (!names.add(name)) {
                throw BusinessRuleException.conflict("R-32", at + "name", "countyplan.project-name-twice", name);
            }
            if (draft.mode() == null) {
                throw BusinessRuleException.violation("R-32", at + "mode", "countyplan.field-required");
            }
            if (draft.stage() == null) {
                throw BusinessRuleException.violation("R-05", at + "stage", "countyplan.field-required");
            }
            if (draft.headcount() == null || draft.headcount() <= 0 || draft.headcount() > MAX_HEADCOUNT) {
                throw BusinessRuleException.violation("R-32", at + "headcount", "countyplan.headcount-invalid",
                        draft.headcount(), MAX_HEADCOUNT);
            }
            boolean keyTeacher = Boolean.TRUE.equals(draft.keyTeacher());
            ProjectType type = keyTeacher ? ProjectType.KEY_TEACHER : ProjectType.REGULAR;
            OrganisationLevel designer = ProjectDesignAuthorities.designLevel(draft.stage(), type);
            if (designer != OrganisationLevel.COUNTY) {
                throw BusinessRuleException.violation("R-05", at + "stage", "countyplan.stage-not-county-designed",
                        name, draft.stage().label(), designer.label());
            }
            String schedule = text(draft.courseSchedule(), at + "courseSchedule", MAX_LONG_TEXT);
            projects.add(new PlanProject(i + 1, name, draft.mode(), draft.stage(), keyTeacher, draft.headcount(),
                    schedule));
        }
        return projects;
    }

    /** Checks one project's report and returns the write to do once every report has passed. */
    private Runnable checkedReport(CountyPlan plan, PlanProject project, ProjectReport report, String at) {
        BigDecimal hours = report.deliveredHours();
        if (hours == null || hours.signum() <= 0 || HourCalculator.roundsToZero(hours) || hours.compareTo(MAX_HOURS) > 0) {
            throw BusinessRuleException.violation("R-32", at + "deliveredHours", "countyplan.hours-invalid", hours);
        }
        LocalDate start = report.trainingStart();
        LocalDate end = report.trainingEnd();
        if (start == null) {
            throw BusinessRuleException.violation("R-32", at + "trainingStart", "countyplan.field-required");
        }
        if (end == null) {
            throw BusinessRuleException.violation("R-32", at + "trainingEnd", "countyplan.field-required");
        }
        if (end.isBefore(start)) {
            throw BusinessRuleException.violation("R-32", at + "trainingEnd", "countyplan.end-before-start");
        }
        if (start.getYear() != plan.year() || end.getYear() != plan.year()) {
            throw BusinessRuleException.violation("R-32", at + "trainingStart", "countyplan.outside-plan-year", plan.year());
        }
        if (end.isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-32", at + "trainingEnd", "countyplan.date-in-future", end);
        }
        String sheet = text(report.signInSheet(), at + "signInSheet", 255);
        // the sign-in sheet is a scan the county itself uploaded (its evidence file), not a free reference.
        evidence.requireAttachableToOrganisation(sheet.strip(), plan.countyId(), at + "signInSheet");
        if (report.participants() == null || report.participants().isEmpty()) {
            throw BusinessRuleException.violation("R-32", at + "participants", "countyplan.participants-required");
        }
        Set<String> seen = new HashSet<>();
        List<Participant> people = new ArrayList<>();
        for (int j = 0; j < report.participants().size(); j++) {
            String field = at + "participants[" + j + "]";
            String staffNumber = report.participants().get(j) == null ? "" : report.participants().get(j).strip();
            if (!seen.add(staffNumber)) {
                throw BusinessRuleException.conflict("R-40", field, "countyplan.participant-twice", staffNumber);
            }
            Teacher teacher = teachers.findByStaffNumber(staffNumber).orElseThrow(() ->
                    BusinessRuleException.violation("R-32", field, "countyplan.participant-unknown", staffNumber));
            if (!organisations.isWithin(teacher.schoolId(), plan.countyId())) {
                throw BusinessRuleException.violation("R-04", field, "countyplan.participant-outside-county",
                        staffNumber, teacher.name());
            }
            if (!teacher.isRegistrable()) {
                throw BusinessRuleException.violation("R-01", field, "countyplan.participant-not-registrable",
                        staffNumber, teacher.name());
            }
            people.add(new Participant(teacher.getId(), staffNumber));
        }
        return () -> project.reported(hours, start, end, sheet.strip(), people);
    }

    private CaseTask openStep(CountyPlan plan, String taskKey, CurrentAccount account) {
        CaseTask task = caseTasks.openTasks(PROCESS, caseId(plan)).stream()
                .filter(open -> open.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-32", "id", "countyplan.step-not-open",
                        plan.getId(), plan.status().label()));
        return caseTasks.requireWorkable(task.id(), account);
    }
    private static String text(String value, String field, int max) {
        return RequiredText.require(value, field, max, "R-32", "countyplan.field-required", "countyplan.text-too-long");
    }

    static String describe(List<PlanProject> projects) {
        return projects.stream().map(PlanProject::describe).collect(Collectors.joining("；"));
    }

    private static String caseId(CountyPlan plan) {
        return String.valueOf(plan.getId());
    }
}
