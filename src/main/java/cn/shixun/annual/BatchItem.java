package cn.shixun.annual;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One teacher of a school batch: still to start, started, or skipped with the reason. */
@Entity
@Table(name = "annual_batch_item")
public class BatchItem {

    /** What the batch did for the teacher. */
    public enum Outcome {
        PENDING("待申报"),
        STARTED("已申报"),
        ALREADY_REGISTERED("本年度已有登记"),
        NOT_REGISTRABLE("不属于登记对象（R-01）"),
        FAILED("申报失败");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "registration_id")
    private Long registrationId;

    private String reason;

    @Column(name = "promotion_candidate", nullable = false)
    private boolean promotionCandidate;

    /** The school's reason when it declared the teacher after the submission date (补报); null in time. */
    @Column(name = "late_reason")
    private String lateReason;

    protected BatchItem() {
        // for JPA
    }

    BatchItem(Long batchId, Long teacherId, String lateReason) {
        this.batchId = batchId;
        this.teacherId = teacherId;
        this.outcome = Outcome.PENDING;
        this.lateReason = lateReason;
    }

    /** Named as up for title promotion (R-33 Sanmenxia): started with the promotion deadline. */
    void promotionCandidate() {
        this.promotionCandidate = true;
    }

    /** A failed item back in the queue: the school retries it. */
    void retry() {
        this.outcome = Outcome.PENDING;
        this.reason = null;
    }

    void done(Outcome result, Long registration, String why) {
        this.outcome = result;
        this.registrationId = registration;
        this.reason = why;
    }

    public Long getId() {
        return id;
    }

    public Long batchId() {
        return batchId;
    }

    public Long teacherId() {
        return teacherId;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Long registrationId() {
        return registrationId;
    }

    public String reason() {
        return reason;
    }

    public boolean isPromotionCandidate() {
        return promotionCandidate;
    }

    public String lateReason() {
        return lateReason;
    }
}
