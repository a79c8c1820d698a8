package cn.shixun.exemption;

import cn.shixun.ledger.EvidenceNumbers;
import cn.shixun.policy.DegreeLevel;
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
import java.time.Instant;
import java.time.LocalDate;

/**
 * A teacher's degree-exemption application with its diploma evidence and where it stands.
 * The candidate groups are fixed when the teacher applies, so a later transfer does not
 * move a running review. Its history (decisions, resubmissions, ledger step) is the case history
 * of the casework ({@code cn.shixun.tasks.CaseHistory}), case id = this id.
 */
@Entity
@Table(name = "degree_exemption")
public class DegreeExemption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(nullable = false)
    private String applicant;

    @Column(nullable = false)
    private String institution;

    @Enumerated(EnumType.STRING)
    @Column(name = "degree_level", nullable = false)
    private DegreeLevel degreeLevel;

    @Column(nullable = false)
    private String major;

    @Column(name = "education_related", nullable = false)
    private boolean educationRelated;

    @Column(name = "study_start", nullable = false)
    private LocalDate studyStart;

    @Column(name = "study_end", nullable = false)
    private LocalDate studyEnd;

    @Column(name = "certificate_number", nullable = false)
    private String certificateNumber;

    /** The number's comparison key ({@link EvidenceNumbers}): the "certificate already used" check compares it. */
    @Column(name = "certificate_key")
    private String certificateKey;

    @Column(name = "diploma_file", nullable = false)
    private String diplomaFile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExemptionStatus status;

    @Column(name = "school_group", nullable = false)
    private String schoolGroup;

    @Column(name = "authority_group", nullable = false)
    private String authorityGroup;

    @Embedded
    private CaseLifecycle lifecycle;

    @Column(name = "ledger_entry_id")
    private Long ledgerEntryId;

    protected DegreeExemption() {
        // for JPA
    }

    DegreeExemption(Long teacherId, Long schoolId, String applicant, Diploma diploma, String schoolGroup,
                    String authorityGroup, Instant now) {
        this.teacherId = teacherId;
        this.schoolId = schoolId;
        this.applicant = applicant;
        this.schoolGroup = schoolGroup;
        this.authorityGroup = authorityGroup;
        this.lifecycle = CaseLifecycle.openedAt(now);
        takeEvidence(diploma);
        moveTo(ExemptionStatus.OPEN, now);
    }

    void takeEvidence(Diploma diploma) {
        this.institution = diploma.institution().strip();
        this.degreeLevel = diploma.degreeLevel();
        this.major = diploma.major().strip();
        this.educationRelated = diploma.educationRelated();
        this.studyStart = diploma.studyStart();
        this.studyEnd = diploma.studyEnd();
        this.certificateNumber = diploma.certificateNumber().strip();
        this.certificateKey = EvidenceNumbers.key(certificateNumber);
        this.diplomaFile = diploma.diplomaFile().strip();
    }

    private void moveTo(ExemptionStatus next, Instant now) {
        this.status = next;
        lifecycle.changedAt(now);
    }

    /** A step of the open application was done (a review, an amendment): it stays open. */
    void stepDone(Instant now) {
        lifecycle.changedAt(now);
    }

    void startedAs(String processInstanceId) {
        lifecycle.startedAs(processInstanceId);
    }

    void exempted(Long ledgerEntryId, Instant now) {
        this.ledgerEntryId = ledgerEntryId;
        moveTo(ExemptionStatus.EXEMPTED, now);
    }

    void closed(ExemptionStatus status, String reason, Instant now) {
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

    public Diploma diploma() {
        return new Diploma(institution, degreeLevel, major, educationRelated, studyStart, studyEnd, certificateNumber,
                diplomaFile);
    }

    public ExemptionStatus status() {
        return status;
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
