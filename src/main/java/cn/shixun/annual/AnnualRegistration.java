package cn.shixun.annual;

import cn.shixun.tasks.CaseLifecycle;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One teacher's registration for one year. The card's items and the registered result
 * live in their own tables; the process holds only this record's id and the routing.
 */
@Entity
@Table(name = "annual_registration")
public class AnnualRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "reg_year", nullable = false)
    private int regYear;

    @Column(name = "profile_code", nullable = false)
    private String profileCode;

    @Column(name = "promotion_candidate", nullable = false)
    private boolean promotionCandidate;

    @Column(name = "batch_id")
    private Long batchId;

    /** The teacher's username when the teacher submitted the card; a returned card goes back to them. */
    private String applicant;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationStatus status;

    @Column(name = "live_key")
    private String liveKey;

    @Column(name = "card_version", nullable = false)
    private int cardVersion;

    @Column(name = "school_group", nullable = false)
    private String schoolGroup;

    @Column(name = "authority_group", nullable = false)
    private String authorityGroup;

    @Embedded
    private CaseLifecycle lifecycle;

    @Column(name = "result_met")
    private Boolean resultMet;

    @Column(name = "result_year_total")
    private BigDecimal resultYearTotal;

    @Column(name = "result_as_of")
    private LocalDate resultAsOf;

    @Column(name = "published_at")
    private Instant publishedAt;

    /** Why the card was filed after the submission date (补报, R-33); null for a card filed in time. */
    @Column(name = "late_reason")
    private String lateReason;

    /** The day a late card was filed, from which its steps' due dates are counted. */
    @Column(name = "late_on")
    private LocalDate lateOn;

    protected AnnualRegistration() {
        // for JPA
    }

    AnnualRegistration(Long teacherId, Long schoolId, int year, String profileCode, boolean promotionCandidate,
                       Long batchId, String applicant, String submittedBy, String schoolGroup, String authorityGroup,
                       Instant now) {
        this.teacherId = teacherId;
        this.schoolId = schoolId;
        this.regYear = year;
        this.profileCode = profileCode;
        this.promotionCandidate = promotionCandidate;
        this.batchId = batchId;
        this.applicant = applicant;
        this.submittedBy = submittedBy;
        this.schoolGroup = schoolGroup;
        this.authorityGroup = authorityGroup;
        this.status = RegistrationStatus.OPEN;
        this.liveKey = liveKey(teacherId, year);
        this.cardVersion = 1;
        this.lifecycle = CaseLifecycle.openedAt(now);
    }

    static String liveKey(Long teacherId, int year) {
        return teacherId + ":" + year;
    }

    void startedAs(String processInstanceId) {
        lifecycle.startedAs(processInstanceId);
    }

    /** A step of the open registration was done (a review, a resubmission): it stays open, the model says what comes next. */
    void stepDone(Instant now) {
        lifecycle.changedAt(now);
    }

    /** Rejected or refused: the reason is kept, and the teacher's year is free for a new registration. */
    void closed(RegistrationStatus closing, String reason, Instant now) {
        this.status = closing;
        lifecycle.changedAt(now);
        lifecycle.closedBecause(reason);
        this.liveKey = null;
    }

    /** Filed after the submission date with its reason (补报): the model routes it to the late review first. */
    void filedLate(String reason, LocalDate on) {
        this.lateReason = reason;
        this.lateOn = on;
    }

    void nextCardVersion(Instant now) {
        this.cardVersion++;
        lifecycle.changedAt(now);
    }

    void registered(boolean met, BigDecimal yearTotal, LocalDate asOf, Instant now) {
        this.resultMet = met;
        this.resultYearTotal = yearTotal;
        this.resultAsOf = asOf;
        lifecycle.changedAt(now);
    }

    void published(Instant now) {
        this.status = RegistrationStatus.PUBLISHED;
        lifecycle.changedAt(now);
        this.publishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long teacherId() {
        return teacherId;
    }

    public Long schoolId() {
        return schoolId;
    }

    public int year() {
        return regYear;
    }

    public String profileCode() {
        return profileCode;
    }

    public boolean promotionCandidate() {
        return promotionCandidate;
    }

    public Long batchId() {
        return batchId;
    }

    public String applicant() {
        return applicant;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public RegistrationStatus status() {
        return status;
    }

    public int cardVersion() {
        return cardVersion;
    }

    public String schoolGroup() {
        return schoolGroup;
    }

    public String authorityGroup() {
        return authorityGroup;
    }

    public String processInstanceId() {
        return lifecycle.processInstanceId();
    }

    public Boolean resultMet() {
        return resultMet;
    }

    public BigDecimal resultYearTotal() {
        return resultYearTotal;
    }

    public LocalDate resultAsOf() {
        return resultAsOf;
    }

    public String outcomeReason() {
        return lifecycle.outcomeReason();
    }

    public Instant createdAt() {
        return lifecycle.createdAt();
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** Whether the card was filed late (补报): set when it was opened, from the deadline in our settings. */
    public boolean late() {
        return lateOn != null;
    }

    public String lateReason() {
        return lateReason;
    }

    public LocalDate lateOn() {
        return lateOn;
    }
}
