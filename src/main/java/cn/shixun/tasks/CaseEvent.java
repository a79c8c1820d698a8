package cn.shixun.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of a case's history: who did what at which step, when, and why. Appended
 * only; nothing updates or deletes a line.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_key", nullable = false)
    private String processKey;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    /** The BPMN element of the step, e.g. {@code UserTask_SchoolReview}; null for a step outside the model. */
    @Column(name = "task_key")
    private String taskKey;

    /** The step as people call it, e.g. 学校审核. */
    @Column(nullable = false)
    private String step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseOutcome outcome;

    private String comment;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected CaseEvent() {
        // for JPA
    }

    CaseEvent(String processKey, String caseId, String taskKey, String step, CaseOutcome outcome, String comment,
              String actor, Instant occurredAt) {
        this.processKey = processKey;
        this.caseId = caseId;
        this.taskKey = taskKey;
        this.step = step;
        this.outcome = outcome;
        this.comment = comment;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public String processKey() {
        return processKey;
    }

    public String caseId() {
        return caseId;
    }

    public String taskKey() {
        return taskKey;
    }

    public String step() {
        return step;
    }

    public CaseOutcome outcome() {
        return outcome;
    }

    public String comment() {
        return comment;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
