package cn.shixun.training.web;

import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.web.OpenStepView;
import cn.shixun.training.CompletionEvidence;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingPlan;
import cn.shixun.training.TrainingStatus;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The external-training API: the teacher (or the school's administrator) applies before
 * the training, amends a returned application, submits the completion evidence afterwards;
 * everyone involved reads the application with its open task and history. Reviews are decided
 * through the casework ({@code POST /api/tasks/{id}/decisions}), not here.
 */
@RestController
@RequestMapping("/api/trainings")
class TrainingController {

    private final ExternalTrainings trainings;
    private final TrainingProviders providers;
    private final CurrentAccounts accounts;

    TrainingController(ExternalTrainings trainings, TrainingProviders providers, CurrentAccounts accounts) {
        this.trainings = trainings;
        this.providers = providers;
        this.accounts = accounts;
    }

    /** An application; {@code teacherId} only when a school administrator applies for a teacher. */
    record ApplicationRequest(Long teacherId, Long providerId, String projectName, LocalDate startDate,
                              LocalDate endDate, String place, String plannedContent, String planFile) {
        TrainingPlan plan() {
            return new TrainingPlan(providerId, projectName, startDate, endDate, place, plannedContent, planFile);
        }
    }

    record TaskView(String id, String key, String name, String kind, List<String> candidateGroups, String assignee,
                    Instant due) {
        static TaskView of(CaseTask task) {
            return new TaskView(task.id(), task.taskKey(), task.name(), task.kind().propertyValue(),
                    task.candidateGroups(), task.assignee(), task.due());
        }
    }

    record EventView(String taskKey, String step, CaseOutcome outcome, String outcomeLabel, String comment,
                     String actor, Instant at) {
        static EventView of(CaseEvent e) {
            return new EventView(e.taskKey(), e.step(), e.outcome(), e.outcome().label(), e.comment(), e.actor(),
                    e.occurredAt());
        }
    }

    /**
     * {@code status} is what our record keeps (OPEN, or how the application ended); while it is
     * open, {@code openSteps} and {@code statusLabel} say where it is, as the model has it, and
     * {@code consentedAt} when the school gave its prior consent.
     */
    record TrainingView(Long id, Long teacherId, Long schoolId, String applicant, TrainingPlan plan,
                        String providerName, LocalDate appliedOn, CompletionEvidence evidence, TrainingStatus status,
                        String statusLabel, List<OpenStepView> openSteps, Instant consentedAt, TaskView currentTask,
                        String schoolGroup, String authorityGroup, Long ledgerEntryId, String outcomeReason,
                        Instant createdAt, List<EventView> history) {
    }

    @PostMapping
    @Transactional
    ResponseEntity<TrainingView> apply(@RequestBody ApplicationRequest request) {
        ExternalTraining training = trainings.apply(accounts.require(), request.teacherId(), request.plan());
        return ResponseEntity.created(URI.create("/api/trainings/" + training.getId())).body(view(training));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    TrainingView show(@PathVariable Long id) {
        return view(trainings.requireVisibleTo(id, accounts.require()));
    }

    /** Resubmits a returned application with the corrected plan. */
    @PostMapping("/{id}/application")
    @Transactional
    TrainingView amend(@PathVariable Long id, @RequestBody ApplicationRequest request) {
        CurrentAccount account = accounts.require();
        trainings.requireVisibleTo(id, account);
        return view(trainings.amendApplication(id, account, request.plan()));
    }

    /** The completion evidence after the training, first or after a return. */
    @PostMapping("/{id}/completion")
    @Transactional
    TrainingView complete(@PathVariable Long id, @RequestBody CompletionEvidence evidence) {
        CurrentAccount account = accounts.require();
        trainings.requireVisibleTo(id, account);
        return view(trainings.submitCompletion(id, account, evidence));
    }

    private TrainingView view(ExternalTraining t) {
        List<CaseTask> open = trainings.openTasks(t.getId());
        TaskView task = open.stream().findFirst().map(TaskView::of).orElse(null);
        CaseProgress progress = CaseProgress.of(open);
        String providerName = providers.find(t.plan().providerId()).map(TrainingProvider::name).orElse(null);
        return new TrainingView(t.getId(), t.teacherId(), t.schoolId(), t.applicant(), t.plan(), providerName,
                t.appliedOn(), t.evidence(), t.status(), t.statusLabel(progress), OpenStepView.of(progress),
                t.consentedAt(), task, t.schoolGroup(), t.authorityGroup(), t.ledgerEntryId(), t.outcomeReason(),
                t.createdAt(),
                trainings.history(t.getId()).stream().map(EventView::of).toList());
    }
}
