package cn.shixun.cycleverification;

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
 * One teacher's cycle verification: the cycle and its hours as the ledger showed them at
 * the last check, whether it is open or how it ended, and the review groups fixed at
 * declaration, so that a later transfer does not move a running case. Which step an open
 * verification is at is its process's ({@code CaseProgress}); its steps are in the case history
 * ({@code case_event}, process key {@code cycleVerification}, case id = this id).
 */
@Entity
@Table(name = "cycle_verification")
public class CycleVerification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private Long batchId;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "profile_code", nullable = false)
    private String profileCode;

    @Column(name = "cycle_start", nullable = false)
    private LocalDate cycleStart;

    @Column(name = "cycle_end", nullable = false)
    private LocalDate cycleEnd;

    @Column(name = "total_hours", nullable = false)
    private BigDecimal totalHours;

    @Column(name = "school_based_hours", nullable = false)
    private BigDecimal schoolBasedHours;

    @Column(name = "hours_met", nullable = false)
    private boolean hoursMet;

    private String missing;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VerificationStatus status;

    /** false for city-direct and province-direct middle schools, which report straight to the city. */
    @Column(name = "county_recheck", nullable = false)
    private boolean countyRecheck;

    @Column(name = "school_group", nullable = false)
    private String schoolGroup;

    @Column(name = "county_group")
    private String countyGroup;

    @Column(name = "city_group", nullable = false)
    private String cityGroup;

    @Column(name = "province_group", nullable = false)
    private String provinceGroup;

    @Embedded
    private CaseLifecycle lifecycle;

    /** Why its process could not be started; it then waits for the school to retry (docs/adr/0008). */
    @Column(name = "start_failure")
    private String startFailure;

    /** The school's latest explanation of what it added after a return. */
    private String note;

    protected CycleVerification() {
        // for JPA
    }

    CycleVerification(Long batchId, Long teacherId, Long schoolId, CycleResult result, Routing routing, Instant now) {
        this.batchId = batchId;
        this.teacherId = teacherId;
        this.schoolId = schoolId;
        this.countyRecheck = routing.countyGroup() != null;
        this.schoolGroup = routing.schoolGroup();
        this.countyGroup = routing.countyGroup();
        this.cityGroup = routing.cityGroup();
        this.provinceGroup = routing.provinceGroup();
        this.lifecycle = CaseLifecycle.openedAt(now);
        checked(result, now);
        moveTo(VerificationStatus.OPEN, now);
    }

    /** The review groups of the four levels; {@code countyGroup} null when the school reports to the city. */
    record Routing(String schoolGroup, String countyGroup, String cityGroup, String provinceGroup) {
    }

    /** Takes the ledger's latest view of the cycle. */
    void checked(CycleResult result, Instant now) {
        this.profileCode = result.profileCode();
        this.cycleStart = result.start();
        this.cycleEnd = result.end();
        this.totalHours = result.totalHours();
        this.schoolBasedHours = result.schoolBasedHours();
        this.hoursMet = result.met();
        this.missing = result.missingText();
        lifecycle.changedAt(now);
    }

    private void moveTo(VerificationStatus next, Instant now) {
        this.status = next;
        lifecycle.changedAt(now);
    }

    /** A step of the open verification was done (a review, the school's amendment): it stays open. */
    void stepDone(Instant now) {
        lifecycle.changedAt(now);
    }

    /** The certificate was issued. */
    void certified(Instant now) {
        moveTo(VerificationStatus.CERTIFIED, now);
    }

    void startedAs(String processInstanceId) {
        lifecycle.startedAs(processInstanceId);
        this.startFailure = null;
    }

    void startFailed(String reason) {
        this.startFailure = reason;
    }

    /** Back in the queue: the school retries a failed start. */
    void retryStart() {
        this.startFailure = null;
    }

    void noted(String note, Instant now) {
        this.note = note;
        lifecycle.changedAt(now);
    }

    void closed(VerificationStatus status, String reason, Instant now) {
        lifecycle.closedBecause(reason);
        moveTo(status, now);
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

    public Long schoolId() {
        return schoolId;
    }

    public String profileCode() {
        return profileCode;
    }

    public LocalDate cycleStart() {
        return cycleStart;
    }

    public LocalDate cycleEnd() {
        return cycleEnd;
    }

    public BigDecimal totalHours() {
        return totalHours;
    }

    public BigDecimal schoolBasedHours() {
        return schoolBasedHours;
    }

    public boolean hoursMet() {
        return hoursMet;
    }

    public String missing() {
        return missing;
    }

    public VerificationStatus status() {
        return status;
    }

    public boolean countyRecheck() {
        return countyRecheck;
    }

    public String schoolGroup() {
        return schoolGroup;
    }

    public String countyGroup() {
        return countyGroup;
    }

    public String cityGroup() {
        return cityGroup;
    }

    public String provinceGroup() {
        return provinceGroup;
    }

    public String processInstanceId() {
        return lifecycle.processInstanceId();
    }

    public String startFailure() {
        return startFailure;
    }

    public String note() {
        return note;
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
