package cn.shixun.cycleverification;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A verification's casework: what each review's decision does to it, the school's amendment
 * of a returned case and its resubmission. The hours always come from the ledger and
 * are checked again at every approval: a teacher short of hours cannot be approved, only returned
 * for evidence or rejected.
 */
@Service
@Transactional(readOnly = true)
public class VerificationCasework {

    private static final int MAX_TEXT = 1000;

    private final CycleVerifications records;
    private final CycleResults cycles;
    private final CycleVerificationProcess process;
    private final CaseHistory history;
    private final CaseTasks caseTasks;
    private final ApplicationEventPublisher events;

    VerificationCasework(CycleVerifications records, CycleResults cycles, CycleVerificationProcess process,
                         CaseHistory history, CaseTasks caseTasks, ApplicationEventPublisher events) {
        this.records = records;
        this.cycles = cycles;
        this.process = process;
        this.history = history;
        this.caseTasks = caseTasks;
        this.events = events;
    }

    /**
     * A reviewer decided (called by the casework inside the completing transaction), whichever
     * review it was: an approval needs the hours, a rejection ends the verification with its
     * reason; which step comes next is the model's, so nothing here names one.
     */
    @Transactional
    public void decided(Long id, Decision decision, String comment) {
        CycleVerification verification = records.require(id);
        Instant now = Instant.now();
        switch (decision) {
            case APPROVE -> {
                CycleResult result = cycles.resultOf(verification.teacherId(), verification.cycleEnd());
                if (!result.met()) {
                    throw BusinessRuleException.violation("R-07", "outcome", "cycleverification.hours-short",
                            records.teacherName(verification), result.missingText());
                }
                verification.checked(result, now);
            }
            case RETURN -> verification.stepDone(now);
            case REJECT -> verification.closed(VerificationStatus.REJECTED, comment, now);
        }
    }

    /**
     * The school resubmitted a returned declaration after adding evidence ({@code stepKey}, the
     * submission step): the ledger is read again, with a line in the history; the model
     * takes the case back to its first review.
     */
    @Transactional
    public void resubmitted(Long id, String stepKey) {
        CycleVerification verification = records.require(id);
        Instant now = Instant.now();
        process.takeNote(verification.processInstanceId()).ifPresent(note -> verification.noted(clip(note), now));
        verification.checked(cycles.resultOf(verification.teacherId(), verification.cycleEnd()), now);
        history.record(CycleVerifications.PROCESS, String.valueOf(id), stepKey,
                "按台账重新核对学时", CaseOutcome.COMPLETED, (verification.note() == null ? "" : "补充说明：" + verification.note() + "；")
                        + CycleVerifications.hoursLine(verification), CaseHistory.SYSTEM);
    }

    /** The school's amendment through our API: keeps its note, then completes the open submission step. */
    @Transactional
    public CycleVerification amend(Long id, CurrentAccount account, String note) {
        CycleVerification verification = records.requireVisibleTo(id, account);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw BusinessRuleException.violation("R-40", "note", "cycleverification.note-required");
        }
        if (text.length() > MAX_TEXT) {
            throw BusinessRuleException.violation(null, "note", "cycleverification.text-too-long", MAX_TEXT);
        }
        CaseTask task = caseTasks.openTasks(CycleVerifications.PROCESS, String.valueOf(id)).stream()
                .filter(open -> open.kind() == CaseTask.Kind.SUBMISSION).findFirst()
                .orElseThrow(() -> BusinessRuleException.conflict("R-34", "id", "cycleverification.not-returned", id));
        caseTasks.requireWorkable(task.id(), account);
        verification.noted(text, Instant.now());
        caseTasks.submit(task.id(), account);
        events.publishEvent(new AuditedAction("cycle-verification.amend", CycleVerifications.PROCESS,
                String.valueOf(id), text));
        return verification;
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }
}
