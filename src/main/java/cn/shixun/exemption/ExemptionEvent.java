package cn.shixun.exemption;

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
 * One line of an application's history: who did what at which step, when, and why.
 * Appended only; an amendment's event keeps the evidence it replaced.
 */
@Entity
@Table(name = "degree_exemption_event")
public class ExemptionEvent {

    /** What happened at a step: a reviewer's {@link Decision} or one of the procedure's own outcomes. */
    public enum Outcome {
        SUBMITTED, APPROVE, RETURN, REJECT, RESUBMITTED, REGISTERED, REFUSED, OVERDUE;

        static Outcome of(Decision decision) {
            return valueOf(decision.name());
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "exemption_id", nullable = false)
    private Long exemptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExemptionStep step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String comment;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ExemptionEvent() {
        // for JPA
    }

    ExemptionEvent(Long exemptionId, ExemptionStep step, Outcome outcome, String comment, String actor,
                   Instant occurredAt) {
        this.exemptionId = exemptionId;
        this.step = step;
        this.outcome = outcome;
        this.comment = comment;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public Long exemptionId() {
        return exemptionId;
    }

    public ExemptionStep step() {
        return step;
    }

    public Outcome outcome() {
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
