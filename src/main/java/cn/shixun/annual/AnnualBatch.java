package cn.shixun.annual;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A school's declaration of all its registrable teachers for a year (R-33, bulk): one item per
 * teacher, each started as its own registration and process instance. One batch per school and
 * year: declaring again resumes it instead of duplicating.
 */
@Entity
@Table(name = "annual_batch")
public class AnnualBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "reg_year", nullable = false)
    private int regYear;

    @Column(name = "declared_by", nullable = false)
    private String declaredBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected AnnualBatch() {
        // for JPA
    }

    AnnualBatch(Long schoolId, int year, String declaredBy, Instant now) {
        this.schoolId = schoolId;
        this.regYear = year;
        this.declaredBy = declaredBy;
        this.createdAt = now;
    }

    void finished(Instant now) {
        this.finishedAt = now;
    }

    /** Items back in the queue (new teachers, failures retried): not finished until they are done. */
    void reopened() {
        this.finishedAt = null;
    }

    public Long getId() {
        return id;
    }

    public Long schoolId() {
        return schoolId;
    }

    public int year() {
        return regYear;
    }

    public String declaredBy() {
        return declaredBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
