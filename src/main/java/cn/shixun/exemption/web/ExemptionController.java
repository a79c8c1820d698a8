package cn.shixun.exemption.web;

import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.exemption.ExemptionStatus;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.web.OpenStepView;
import java.net.URI;
import java.time.Instant;
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
 * The degree-exemption API: the teacher applies and resubmits with corrected evidence,
 * everyone involved reads the status, the open task and the history. Reviewers decide on the
 * open task through the casework ({@code POST /api/tasks/{taskId}/decisions}, the id is
 * {@code currentTask.id}), like on every other procedure.
 */
@RestController
@RequestMapping("/api/exemptions")
class ExemptionController {

    private final DegreeExemptions exemptions;
    private final CurrentAccounts accounts;

    ExemptionController(DegreeExemptions exemptions, CurrentAccounts accounts) {
        this.exemptions = exemptions;
        this.accounts = accounts;
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, String assignee, Instant due) {
        static TaskView of(CaseTask task) {
            return new TaskView(task.id(), task.taskKey(), task.name(), task.candidateGroups(), task.assignee(),
                    task.due());
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
     * open, {@code openSteps} and {@code statusLabel} say where it is, as the model has it.
     */
    record ExemptionView(Long id, Long teacherId, Long schoolId, String applicant, Diploma diploma,
                         ExemptionStatus status, String statusLabel, List<OpenStepView> openSteps, TaskView currentTask, String schoolGroup,
                         String authorityGroup, Long ledgerEntryId, String outcomeReason, Instant createdAt,
                         List<EventView> history) {
    }

    @PostMapping
    @Transactional
    ResponseEntity<ExemptionView> apply(@RequestBody Diploma diploma) {
        DegreeExemption exemption = exemptions.apply(accounts.require(), diploma);
        return ResponseEntity.created(URI.create("/api/exemptions/" + exemption.getId())).body(view(exemption));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ExemptionView show(@PathVariable Long id) {
        return view(exemptions.requireVisibleTo(id, accounts.require()));
    }

    @PostMapping("/{id}/amendments")
    @Transactional
    ExemptionView amend(@PathVariable Long id, @RequestBody Diploma diploma) {
        CurrentAccount account = accounts.require();
        exemptions.requireVisibleTo(id, account);
        return view(exemptions.amend(id, account, diploma));
    }

    private ExemptionView view(DegreeExemption e) {
        List<CaseTask> open = exemptions.openTasks(e.getId());
        TaskView task = open.stream().findFirst().map(TaskView::of).orElse(null);
        CaseProgress progress = CaseProgress.of(open);
        return new ExemptionView(e.getId(), e.teacherId(), e.schoolId(), e.applicant(), e.diploma(), e.status(),
                progress.statusLabel(e.status()),
                OpenStepView.of(progress), task, e.schoolGroup(), e.authorityGroup(), e.ledgerEntryId(), e.outcomeReason(),
                e.createdAt(), exemptions.history(e.getId()).stream().map(EventView::of).toList());
    }
}
