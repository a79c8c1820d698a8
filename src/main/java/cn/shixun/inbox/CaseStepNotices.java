package cn.shixun.inbox;

import cn.shixun.tasks.CaseContacts;
import cn.shixun.tasks.CaseContacts.CaseSide;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseStepRecorded;
import cn.shixun.tasks.CaseTask;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every recorded case step that someone should hear of becomes messages, in the step's own
 * transaction (a plain listener, not after commit): a committed step always has its messages, a
 * step rolled back has none. Reminders, escalations and overdue notes go to whoever may work the
 * task; decisions and system results to the applicant's side. Submissions tell nobody: the
 * submitter did it, and the reviewers see it in their worklist. Nobody is told of their own act.
 */
@Component
class CaseStepNotices {

    private final CaseContacts contacts;
    private final NoticeRecipients recipients;
    private final NoticeTexts texts;
    private final Inbox inbox;

    CaseStepNotices(CaseContacts contacts, NoticeRecipients recipients, NoticeTexts texts, Inbox inbox) {
        this.contacts = contacts;
        this.recipients = recipients;
        this.texts = texts;
        this.inbox = inbox;
    }

    @EventListener
    void on(CaseStepRecorded step) {
        Optional<NoticeKind> kind = kindOf(step.outcome());
        if (kind.isEmpty()) {
            return;
        }
        CaseSide side = contacts.sideOf(step.processKey(), step.caseId());
        Set<String> to;
        String link;
        if (aboutTask(kind.get())) {
            List<CaseTask> open = step.taskKey() == null ? List.of()
                    : contacts.openTasksAt(step.processKey(), step.caseId(), step.taskKey());
            to = recipients.ofTasks(open);
            // Nobody works their own case: a process owner is not reminded of the publication he submitted.
            side.applicant().ifPresent(to::remove);
            link = open.isEmpty() ? "/tasks" : "/tasks?task=" + open.get(0).id();
        } else {
            to = recipients.ofCase(side);
            link = side.page().orElse(null);
        }
        to.remove(step.actor());
        if (to.isEmpty()) {
            return;
        }
        inbox.post(texts.ofStep(kind.get(), contacts.procedureName(step.processKey()), side.summary(), step.step(),
                step.comment(), CaseHistory.SYSTEM.equals(step.actor()), link), to);
    }

    static Optional<NoticeKind> kindOf(CaseOutcome outcome) {
        return Optional.ofNullable(switch (outcome) {
            case REMINDED -> NoticeKind.REMINDER;
            case ESCALATED -> NoticeKind.ESCALATION;
            case OVERDUE -> NoticeKind.OVERDUE;
            case RETURNED -> NoticeKind.RETURNED;
            case REJECTED -> NoticeKind.REJECTED;
            case APPROVED -> NoticeKind.APPROVED;
            case COMPLETED -> NoticeKind.COMPLETED;
            case REFUSED -> NoticeKind.REFUSED;
            case SUBMITTED, RESUBMITTED -> null;
        });
    }

    private static boolean aboutTask(NoticeKind kind) {
        return kind == NoticeKind.REMINDER || kind == NoticeKind.ESCALATION || kind == NoticeKind.OVERDUE;
    }
}
