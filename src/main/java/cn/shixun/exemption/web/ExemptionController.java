package cn.shixun.exemption.web;

import cn.shixun.exemption.Decision;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.exemption.ExemptionEvent;
import cn.shixun.exemption.ExemptionStatus;
import cn.shixun.exemption.ExemptionStep;
import cn.shixun.exemption.process.DegreeExemptionProcess.OpenTask;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
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
 * The degree-exemption API: the teacher applies and resubmits, the school and the
 * registration authority decide on the application's open review task, everyone involved
 * reads its status and history. Decisions go through the application, not a raw task id, so
 * that a reviewer can only act on the step that is open now.
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

    /** {@code step}: optional, the step the reviewer saw; a step decided meanwhile then gets 409, not the next step. */
    record DecisionRequest(Decision outcome, String comment, ExemptionStep step) {
    }

    record TaskView(String key, String name, String candidateGroup, String assignee, Date due) {
        static TaskView of(OpenTask task) {
            return new TaskView(task.key(), task.name(), task.candidateGroup(), task.assignee(), task.due());
        }
    }

    record EventView(ExemptionStep step, String stepLabel, ExemptionEvent.Outcome outcome, String comment, String actor,
                     Instant at) {
        static EventView of(ExemptionEvent e) {
            return new EventView(e.step(), e.step().label(), e.outcome(), e.comment(), e.actor(), e.occurredAt());
        }
    }

    record ExemptionView(Long id, Long teacherId, Long schoolId, String applicant, Diploma diploma,
                         ExemptionStatus status, String statusLabel, TaskView currentTask, String schoolGroup,
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

    @PostMapping("/{id}/decisions")
    @Transactional
    ExemptionView decide(@PathVariable Long id, @RequestBody DecisionRequest request) {
        CurrentAccount account = accounts.require();
        exemptions.requireVisibleTo(id, account);
        return view(exemptions.decide(id, account.username(), request.outcome(), request.comment(), request.step()));
    }

    @PostMapping("/{id}/amendments")
    @Transactional
    ExemptionView amend(@PathVariable Long id, @RequestBody Diploma diploma) {
        CurrentAccount account = accounts.require();
        exemptions.requireVisibleTo(id, account);
        return view(exemptions.amend(id, account.username(), diploma));
    }

    private ExemptionView view(DegreeExemption e) {
        TaskView task = exemptions.openTask(e.getId()).map(TaskView::of).orElse(null);
        return new ExemptionView(e.getId(), e.teacherId(), e.schoolId(), e.applicant(), e.diploma(), e.status(),
                e.status().label(), task, e.schoolGroup(), e.authorityGroup(), e.ledgerEntryId(), e.outcomeReason(),
                e.createdAt(), exemptions.history(e.getId()).stream().map(EventView::of).toList());
    }
}
