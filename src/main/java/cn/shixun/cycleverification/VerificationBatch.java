package cn.shixun.cycleverification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A school's declaration of the teachers whose cycle ended in a period, made in one
 * step. The client's {@code requestId} makes a repeated request return the same batch.
 */
@Entity
@Table(name = "cycle_verification_batch")
public class VerificationBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "declared_by", nullable = false)
    private String declaredBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected VerificationBatch() {
        // for JPA
    }

    VerificationBatch(Long schoolId, LocalDate periodFrom, LocalDate periodTo, String requestId, String declaredBy,
                      Instant createdAt) {
        this.schoolId = schoolId;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.requestId = requestId;
        this.declaredBy = declaredBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long schoolId() {
        return schoolId;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    public LocalDate periodTo() {
        return periodTo;
    }

    public String requestId() {
        return requestId;
    }

    public String declaredBy() {
        return declaredBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
