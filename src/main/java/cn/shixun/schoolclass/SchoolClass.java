package cn.shixun.schoolclass;

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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A school-based course and its class, from the school's proposal to the credited hours. */
@Entity
@Table(name = "school_class")
public class SchoolClass {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "proposed_by", nullable = false)
    private String proposedBy;

    @Column(name = "school_group", nullable = false)
    private String schoolGroup;

    @Column(name = "authority_group", nullable = false)
    private String authorityGroup;

    @Column(name = "course_name", nullable = false)
    private String courseName;

    @Enumerated(EnumType.STRING)
    @Column(name = "course_type", nullable = false)
    private CourseType courseType;

    @Column(name = "designed_hours", nullable = false)
    private BigDecimal designedHours;

    @Column(nullable = false)
    private String outline;

    @Column(name = "design_file", nullable = false)
    private String designFile;

    @Column(name = "class_name")
    private String className;
    private String organiser;
    private String address;
    private String lecturer;
    @Column(name = "head_teacher")
    private String headTeacher;
    @Column(name = "head_teacher_phone")
    private String headTeacherPhone;
    @Column(name = "enrolment_start")
    private LocalDate enrolmentStart;
    @Column(name = "enrolment_end")
    private LocalDate enrolmentEnd;
    @Column(name = "study_start")
    private LocalDate studyStart;
    @Column(name = "study_end")
    private LocalDate studyEnd;
    private Integer headcount;
    @Column(name = "class_time")
    private String classTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SchoolClassStatus status;

    @Embedded
    private CaseLifecycle lifecycle;

    protected SchoolClass() {
        // for JPA
    }

    SchoolClass(Long schoolId, String proposedBy, String schoolGroup, String authorityGroup, CourseDesign course,
                Instant now) {
        this.schoolId = schoolId;
        this.proposedBy = proposedBy;
        this.schoolGroup = schoolGroup;
        this.authorityGroup = authorityGroup;
        takeCourse(course);
        this.status = SchoolClassStatus.OPEN;
        this.lifecycle = CaseLifecycle.openedAt(now);
    }

    void takeCourse(CourseDesign course) {
        this.courseName = course.courseName().strip();
        this.courseType = course.courseType();
        this.designedHours = course.designedHours();
        this.outline = course.outline().strip();
        this.designFile = course.designFile().strip();
    }

    void takePlan(ClassPlan plan) {
        this.className = plan.className().strip();
        this.organiser = plan.organiser().strip();
        this.address = plan.address().strip();
        this.lecturer = plan.lecturer().strip();
        this.headTeacher = plan.headTeacher().strip();
        this.headTeacherPhone = plan.headTeacherPhone().strip();
        this.enrolmentStart = plan.enrolmentStart();
        this.enrolmentEnd = plan.enrolmentEnd();
        this.studyStart = plan.studyStart();
        this.studyEnd = plan.studyEnd();
        this.headcount = plan.headcount();
        this.classTime = plan.classTime().strip();
    }

    void startedAs(String processInstanceId) {
        lifecycle.startedAs(processInstanceId);
    }

    void moveTo(SchoolClassStatus next, Instant now) {
        this.status = next;
        lifecycle.changedAt(now);
    }

    /** A step of the open class was done (a review, a submission): it stays open. */
    void stepDone(Instant now) {
        lifecycle.changedAt(now);
    }

    void rejected(String reason, Instant now) {
        lifecycle.closedBecause(reason);
        moveTo(SchoolClassStatus.REJECTED, now);
    }

    public Long getId() {
        return id;
    }

    public Long schoolId() {
        return schoolId;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public String schoolGroup() {
        return schoolGroup;
    }

    public String authorityGroup() {
        return authorityGroup;
    }

    public CourseDesign course() {
        return new CourseDesign(courseName, courseType, designedHours, outline, designFile);
    }

    /** The class plan, or null before the school has created the class. */
    public ClassPlan plan() {
        if (className == null) {
            return null;
        }
        return new ClassPlan(className, organiser, address, lecturer, headTeacher, headTeacherPhone, enrolmentStart,
                enrolmentEnd, studyStart, studyEnd, headcount, classTime);
    }

    public SchoolClassStatus status() {
        return status;
    }


    public String processInstanceId() {
        return lifecycle.processInstanceId();
    }

    /** Why the class was rejected, when it was. */
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
