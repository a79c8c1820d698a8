package cn.shixun.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * What every case record of a procedure keeps whatever its status: when it was opened and last
 * changed, the process instance that runs it, and why it ended when it ended with a "no". The
 * record embeds it (the columns are its own table's: {@code process_instance_id},
 * {@code outcome_reason}, {@code created_at}, {@code updated_at}) and keeps its status itself, as
 * the statuses differ by procedure.
 */
@Embeddable
public class CaseLifecycle {

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "outcome_reason")
    private String outcomeReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CaseLifecycle() {
        // for JPA
    }

    private CaseLifecycle(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static CaseLifecycle openedAt(Instant now) {
        return new CaseLifecycle(now);
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The record changed (its status, its data) at {@code now}. */
    public void changedAt(Instant now) {
        this.updatedAt = now;
    }

    /** Why the case ended with a "no" (rejected, refused...); the record moves to its closing status itself. */
    public void closedBecause(String reason) {
        this.outcomeReason = reason;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public String outcomeReason() {
        return outcomeReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
