package cn.shixun.countyplan;

import cn.shixun.tasks.CaseLifecycle;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A county's annual training plan: filed with the city by 1 April
 * (a later filing is accepted and flagged), reviewed, filed with the HR bureau, reported on
 * after the training and registered by 1 December. The case id of {@code countyPlanFiling}.
 */
@Entity
@Table(name = "county_plan")
public class CountyPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "county_id", nullable = false)
    private Long countyId;

    @Column(name = "plan_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status;

    @Column(name = "filing_due", nullable = false)
    private LocalDate filingDue;

    @Column(name = "filed_late", nullable = false)
    private boolean filedLate;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    @Column(name = "county_group", nullable = false)
    private String countyGroup;

    @Column(name = "city_group", nullable = false)
    private String cityGroup;

    @Column(name = "hr_bureau")
    private String hrBureau;

    @Column(name = "hr_receipt_number")
    private String hrReceiptNumber;

    @Column(name = "hr_filed_on")
    private LocalDate hrFiledOn;

    @Column(name = "hr_recorded_by")
    private String hrRecordedBy;

    @Column(name = "summary_text")
    private String summaryText;

    @Column(name = "summary_submitted_at")
    private Instant summarySubmittedAt;

    @Column(name = "filed_at")
    private Instant filedAt;

    @Embedded
    private CaseLifecycle lifecycle;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderBy("seq")
    private List<PlanProject> projects = new ArrayList<>();

    protected CountyPlan() {
        // for JPA
    }

    CountyPlan(Long countyId, int year, LocalDate filingDue, boolean filedLate, String submittedBy, String countyGroup,
               String cityGroup, List<PlanProject> projects, Instant now) {
        this.countyId = countyId;
        this.year = year;
        this.filingDue = filingDue;
        this.filedLate = filedLate;
        this.submittedBy = submittedBy;
        this.countyGroup = countyGroup;
        this.cityGroup = cityGroup;
        this.projects.addAll(projects);
        this.status = PlanStatus.OPEN;
        this.lifecycle = CaseLifecycle.openedAt(now);
    }

    public Long getId() {
        return id;
    }

    public Long countyId() {
        return countyId;
    }

    public int year() {
        return year;
    }

    public PlanStatus status() {
        return status;
    }

    /** 1 April of the plan year (Sanmenxia 五(一)). */
    public LocalDate filingDue() {
        return filingDue;
    }

    /** Filed after {@link #filingDue()}: accepted, and shown to the city as late. */
    public boolean filedLate() {
        return filedLate;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String countyGroup() {
        return countyGroup;
    }

    public String cityGroup() {
        return cityGroup;
    }

    public String hrBureau() {
        return hrBureau;
    }

    public String hrReceiptNumber() {
        return hrReceiptNumber;
    }

    public LocalDate hrFiledOn() {
        return hrFiledOn;
    }

    public String hrRecordedBy() {
        return hrRecordedBy;
    }

    public boolean hrFilingRecorded() {
        return hrReceiptNumber != null;
    }

    /** When the plan was filed (R-32: reviewed by the city, filed with the HR bureau): its projects may run. */
    public Instant filedAt() {
        return filedAt;
    }

    public boolean isFiled() {
        return filedAt != null;
    }

    public String summaryText() {
        return summaryText;
    }

    public Instant summarySubmittedAt() {
        return summarySubmittedAt;
    }

    public String outcomeReason() {
        return lifecycle.outcomeReason();
    }

    public String processInstanceId() {
        return lifecycle.processInstanceId();
    }

    public Instant createdAt() {
        return lifecycle.createdAt();
    }

    public Instant updatedAt() {
        return lifecycle.updatedAt();
    }

    public List<PlanProject> projects() {
        return List.copyOf(projects);
    }

    public Optional<PlanProject> project(Long projectId) {
        return projects.stream().filter(project -> project.getId().equals(projectId)).findFirst();
    }

    void startedAs(String instanceId) {
        lifecycle.startedAs(instanceId);
    }

    /** A step of the open plan was done; which one comes next is the process's. */
    void stepDone(Instant now) {
        lifecycle.changedAt(now);
    }

    /** Filed now, or kept as filed when it was already. */
    void filed(Instant now) {
        if (filedAt == null) {
            filedAt = now;
        }
        lifecycle.changedAt(now);
    }

    void registered(Instant now) {
        this.status = PlanStatus.REGISTERED;
        lifecycle.changedAt(now);
    }

    void closed(PlanStatus end, String reason, Instant now) {
        this.status = end;
        lifecycle.changedAt(now);
        lifecycle.closedBecause(reason);
    }

    void replaceProjects(List<PlanProject> amended, Instant now) {
        this.projects.clear();
        this.projects.addAll(amended);
        lifecycle.changedAt(now);
    }

    void hrFiled(String bureau, String receiptNumber, LocalDate filedOn, String recordedBy, Instant now) {
        this.hrBureau = bureau;
        this.hrReceiptNumber = receiptNumber;
        this.hrFiledOn = filedOn;
        this.hrRecordedBy = recordedBy;
        lifecycle.changedAt(now);
    }

    void summaryReported(String text, Instant now) {
        this.summaryText = text;
        this.summarySubmittedAt = now;
        lifecycle.changedAt(now);
    }
}
