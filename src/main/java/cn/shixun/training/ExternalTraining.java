package cn.shixun.training;

import cn.shixun.ledger.EvidenceNumbers;
import cn.shixun.tasks.CaseLifecycle;
import cn.shixun.tasks.CaseProgress;
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
 * A teacher's application to attend training not organised by an education authority,
 * with the plan consented to beforehand and when the school consented, and, after the training,
 * the completion evidence. The candidate groups are fixed when the teacher applies.
 * Decisions are in the case history; which step an open application is at is its process's.
 */
@Entity
@Table(name = "external_training")
public class ExternalTraining {

    static final String AWAITING_TRAINING_END = "学校已同意，待培训结束";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(nullable = false)
    private String applicant;

    @Column(name = "provider_id", nullable = false)
    private Long providerId;

    @Column(name = "project_name", nullable = false)
    private String projectName;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(nullable = false)
    private String place;

    @Column(name = "planned_content", nullable = false)
    private String plannedContent;

    @Column(name = "plan_file", nullable = false)
    private String planFile;

    @Column(name = "applied_on", nullable = false)
    private LocalDate appliedOn;

    @Column(name = "certificate_number")
    private String certificateNumber;

    /** The number's comparison key ({@link EvidenceNumbers}): the "certificate already used" check compares it. */
    @Column(name = "certificate_key")
    private String certificateKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_kind")
    private CertificateKind certificateKind;

    @Column(name = "stated_hours")
    private BigDecimal statedHours;

    @Column(name = "stated_days")
    private Integer statedDays;

    @Column(name = "certificate_file")
    private String certificateFile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TrainingStatus status;

    /**
     * when the school gave its prior consent; null before. What an approval or a submission
     * of the application means depends on it ({@link TrainingCasework}).
     */
    @Column(name = "consented_at")
    private Instant consentedAt;

    @Column(name = "school_group", nullable = false)
    private String schoolGroup;

    @Column(name = "authority_group", nullable = false)
    private String authorityGroup;

    @Embedded
    private CaseLifecycle lifecycle;

    @Column(name = "ledger_entry_id")
    private Long ledgerEntryId;

    protected ExternalTraining() {
        // for JPA
    }

    ExternalTraining(Long teacherId, Long schoolId, String applicant, TrainingPlan plan, LocalDate appliedOn,
                     String schoolGroup, String authorityGroup, Instant now) {
        this.teacherId = teacherId;
        this.schoolId = schoolId;
        this.applicant = applicant;
        this.appliedOn = appliedOn;
        this.schoolGroup = schoolGroup;
        this.authorityGroup = authorityGroup;
        this.lifecycle = CaseLifecycle.openedAt(now);
        takePlan(plan);
        this.status = TrainingStatus.OPEN;
    }

    void takePlan(TrainingPlan plan) {
        this.providerId = plan.providerId();
        this.projectName = plan.projectName().strip();
        this.startDate = plan.startDate();
        this.endDate = plan.endDate();
        this.place = plan.place().strip();
        this.plannedContent = plan.plannedContent().strip();
        this.planFile = plan.planFile().strip();
    }

    void takeEvidence(CompletionEvidence evidence) {
        this.certificateNumber = evidence.certificateNumber().strip();
        this.certificateKey = EvidenceNumbers.key(certificateNumber);
        this.certificateKind = evidence.certificateKind();
        this.statedHours = evidence.statedHours();
        this.statedDays = evidence.statedDays();
        this.certificateFile = evidence.certificateFile().strip();
    }

    private void moveTo(TrainingStatus next, Instant now) {
        this.status = next;
        lifecycle.changedAt(now);
    }

    /** A step of the open application was done (a review, a submission): it stays open. */
    void stepDone(Instant now) {
        lifecycle.changedAt(now);
    }

    /** the school consented at {@code at}; the training may take place. */
    void consented(Instant at, Instant now) {
        this.consentedAt = at;
        lifecycle.changedAt(now);
    }

    void startedAs(String processInstanceId) {
        lifecycle.startedAs(processInstanceId);
    }

    void registered(Long ledgerEntryId, Instant now) {
        this.ledgerEntryId = ledgerEntryId;
        moveTo(TrainingStatus.REGISTERED, now);
    }

    void closed(TrainingStatus status, String reason, Instant now) {
        lifecycle.closedBecause(reason);
        moveTo(status, now);
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

    public String applicant() {
        return applicant;
    }

    public TrainingPlan plan() {
        return new TrainingPlan(providerId, projectName, startDate, endDate, place, plannedContent, planFile);
    }

    public LocalDate appliedOn() {
        return appliedOn;
    }

    /** The completion evidence, or null before the teacher has submitted it. */
    public CompletionEvidence evidence() {
        return certificateNumber == null ? null
                : new CompletionEvidence(certificateNumber, certificateKind, statedHours, statedDays, certificateFile);
    }

    public TrainingStatus status() {
        return status;
    }

    /** When the school consented, or null while it has not. */
    public Instant consentedAt() {
        return consentedAt;
    }

    /**
     * What the status reads: where the process is while open, how it ended after
     * ({@link CaseProgress#statusLabel}). Between the school's consent and the training's end no
     * step is open, the engine only waits for the date, so the record says what for where
     * the process alone would say 处理中.
     */
    public String statusLabel(CaseProgress progress) {
        return awaitsTrainingEnd(progress) ? AWAITING_TRAINING_END : progress.statusLabel(status);
    }

    /**
     * A submission step is open for what a reviewer sent back: before the school's consent the
     * only one is the amended plan (the first came with the application); after it, a completion
     * step once evidence was submitted. The first completion step (no evidence yet) is not a return.
     */
    public boolean returned(CaseProgress progress) {
        return status.isOpen() && progress.awaitsSubmission() && (consentedAt == null || certificateNumber != null);
    }

    /** Consented, no certificate yet and no step open: the case waits for the training to end. */
    public boolean awaitsTrainingEnd(CaseProgress progress) {
        return status.isOpen() && consentedAt != null && certificateNumber == null && progress.openSteps().isEmpty();
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

    public Long ledgerEntryId() {
        return ledgerEntryId;
    }

    public String outcomeReason() {
        return lifecycle.outcomeReason();
    }

    public Instant createdAt() {
        return lifecycle.createdAt();
    }

    public Instant updatedAt() {
        return lifecycle.updatedAt();
    }
}
