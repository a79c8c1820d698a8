package cn.shixun.tasks;

import cn.shixun.shared.AuditedAction;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of every case of every procedure. Decisions and resubmissions on user
 * tasks are recorded by the casework itself; the procedure modules record their own system
 * steps (hours registered, refused, published) here.
 */
@Service
@Transactional(readOnly = true)
public class CaseHistory {

    /** The actor of steps the system takes by itself (timers, service tasks). */
    public static final String SYSTEM = "system";
    static final int MAX_COMMENT = 1000;

    private final CaseEventRepository events;
    private final ApplicationEventPublisher publisher;

    CaseHistory(CaseEventRepository events, ApplicationEventPublisher publisher) {
        this.events = events;
        this.publisher = publisher;
    }

    /**
     * Appends one line; {@code taskKey} may be null, a longer comment is cut to 1,000 characters. Publishes
     * {@link CaseStepRecorded} in the step's transaction (the message centre writes its messages from it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseEvent record(String processKey, String caseId, String taskKey, String step, CaseOutcome outcome,
                            String comment, String actor) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            text = text.substring(0, MAX_COMMENT);
        }
        Instant now = Instant.now();
        CaseEvent event = events.save(new CaseEvent(processKey, caseId, taskKey, step, outcome, text, actor, now));
        publisher.publishEvent(new CaseStepRecorded(processKey, caseId, taskKey, step, outcome, text, actor, now));
        // The person who acted, named: through Camunda Tasklist Spring Security does not know them (ADR 0009).
        publisher.publishEvent(new AuditedAction("case." + outcome.name().toLowerCase(), processKey, caseId,
                step + "：" + outcome.label() + (text == null ? "" : "（" + text + "）"), null,
                SYSTEM.equals(actor) ? null : actor));
        return event;
    }

    public List<CaseEvent> of(String processKey, String caseId) {
        return events.findByProcessKeyAndCaseIdOrderByIdAsc(processKey, caseId);
    }

    /**
     * Who last approved the case at whichever step: the final approval of a procedure whose last
     * review is the model's to say (a step a process owner adds after the others is the last);
     * {@link #SYSTEM} when nobody has.
     */
    public String lastApprover(String processKey, String caseId) {
        return of(processKey, caseId).stream()
                .filter(event -> event.outcome() == CaseOutcome.APPROVED)
                .reduce((first, second) -> second).map(CaseEvent::actor).orElse(SYSTEM);
    }
}
