package cn.shixun.countyplan.web;

import cn.shixun.countyplan.CountyPlan;
import cn.shixun.countyplan.CountyPlans;
import cn.shixun.countyplan.HrFiling;
import cn.shixun.countyplan.Participant;
import cn.shixun.countyplan.PlanDraft;
import cn.shixun.countyplan.PlanProject;
import cn.shixun.countyplan.PlanStatus;
import cn.shixun.countyplan.PlanSummary;
import cn.shixun.countyplan.TrainingMode;
import cn.shixun.organisation.Stage;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.web.OpenStepView;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county plan API: the county bureau files, amends and reports; the city records the
 * HR bureau's filing; everyone whose scope covers the county reads the plan with its open step
 * and history. The city's decisions go through the casework ({@code POST /api/tasks/{id}/decisions}).
 */
@RestController
@RequestMapping("/api/county-plans")
class CountyPlanController {

    private final CountyPlans plans;
    private final CurrentAccounts accounts;

    CountyPlanController(CountyPlans plans, CurrentAccounts accounts) {
        this.plans = plans;
        this.accounts = accounts;
    }

    record ParticipantView(String staffNumber, Long teacherId, Long ledgerEntryId, String refusal) {
        static ParticipantView of(Participant p) {
            return new ParticipantView(p.staffNumber(), p.teacherId(), p.ledgerEntryId(), p.refusal());
        }
    }

    record ProjectView(Long id, int seq, String name, TrainingMode mode, String modeLabel, Stage stage,
                       boolean keyTeacher, int headcount, String courseSchedule,
                       BigDecimal deliveredHours, LocalDate trainingStart, LocalDate trainingEnd, String signInSheet,
                       String evidenceNumber, List<ParticipantView> participants) {
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, Instant due) {
        static TaskView of(CaseTask task) {
            return new TaskView(task.id(), task.taskKey(), task.name(), task.candidateGroups(), task.due());
        }
    }

    record EventView(String step, CaseOutcome outcome, String outcomeLabel, String comment, String actor, Instant at) {
        static EventView of(CaseEvent e) {
            return new EventView(e.step(), e.outcome(), e.outcome().label(), e.comment(), e.actor(), e.occurredAt());
        }
    }

    record HrFilingView(String hrBureau, String receiptNumber, LocalDate filedOn, String recordedBy) {
    }

    /**
     * A plan: {@code status} is the record's ({@code OPEN} or how it ended); while it is open,
     * {@code statusLabel} and {@code openSteps} say where it is, as the model has it. {@code filedAt}:
     * when the plan was filed (备案) and its projects could run.
     */
    record PlanView(Long id, Long countyId, int year, PlanStatus status, String statusLabel,
                    List<OpenStepView> openSteps, LocalDate filingDue, boolean filedLate, Instant filedAt,
                    String submittedBy, String countyGroup, String cityGroup, HrFilingView hrFiling,
                    String summary, Instant summarySubmittedAt, String outcomeReason, Instant createdAt,
                    List<ProjectView> projects, List<TaskView> openTasks, List<EventView> history) {
    }

    record Amendment(List<PlanDraft.ProjectDraft> projects) {
    }

    @PostMapping
    ResponseEntity<PlanView> file(@RequestBody PlanDraft draft) {
        CountyPlan plan = plans.file(accounts.require(), draft);
        return ResponseEntity.created(URI.create("/api/county-plans/" + plan.getId())).body(view(plan));
    }

    @GetMapping
    List<PlanView> ofCounty(@RequestParam Long countyId) {
        return plans.ofCounty(countyId, accounts.require()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    PlanView show(@PathVariable Long id) {
        return view(plans.requireVisibleTo(id, accounts.require()));
    }

    @PutMapping("/{id}")
    PlanView amend(@PathVariable Long id, @RequestBody Amendment amendment) {
        CurrentAccount account = accounts.require();
        plans.requireVisibleTo(id, account);
        return view(plans.amend(id, account, new PlanDraft(null, null, amendment == null ? null : amendment.projects())));
    }

    @PostMapping("/{id}/hr-filing")
    PlanView recordHrFiling(@PathVariable Long id, @RequestBody HrFiling filing) {
        CurrentAccount account = accounts.require();
        plans.requireVisibleTo(id, account);
        return view(plans.recordHrFiling(id, account, filing));
    }

    @PostMapping("/{id}/summary")
    PlanView reportSummary(@PathVariable Long id, @RequestBody PlanSummary summary) {
        CurrentAccount account = accounts.require();
        plans.requireVisibleTo(id, account);
        return view(plans.reportSummary(id, account, summary));
    }

    private PlanView view(CountyPlan plan) {
        CountyPlan current = plans.require(plan.getId());
        HrFilingView hr = current.hrFilingRecorded() ? new HrFilingView(current.hrBureau(), current.hrReceiptNumber(),
                current.hrFiledOn(), current.hrRecordedBy()) : null;
        List<ProjectView> projects = current.projects().stream().map(p -> new ProjectView(p.getId(), p.seq(), p.name(),
                p.mode(), p.mode().label(), p.stage(), p.keyTeacher(), p.headcount(), p.courseSchedule(),
                p.deliveredHours(), p.trainingStart(), p.trainingEnd(), p.signInSheet(), p.evidenceNumber(current.getId()),
                p.participants().stream().map(ParticipantView::of).toList())).toList();
        List<CaseTask> open = plans.openTasks(current.getId());
        CaseProgress progress = CaseProgress.of(open);
        return new PlanView(current.getId(), current.countyId(), current.year(), current.status(),
                progress.statusLabel(current.status()), OpenStepView.of(progress), current.filingDue(),
                current.filedLate(), current.filedAt(), current.submittedBy(), current.countyGroup(),
                current.cityGroup(), hr, current.summaryText(), current.summarySubmittedAt(),
                current.outcomeReason(), current.createdAt(), projects, open.stream().map(TaskView::of).toList(),
                plans.history(current.getId()).stream().map(EventView::of).toList());
    }
}
