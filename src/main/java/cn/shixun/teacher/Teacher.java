package cn.shixun.teacher;

import cn.shixun.organisation.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A teacher on file. Only a teacher in post with a qualification certificate is
 * registrable; the school is referenced by id and changes only through a transfer.
 */
@Entity
@Table(name = "teacher")
public class Teacher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "staff_number", nullable = false, unique = true)
    private String staffNumber;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String gender;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    private String subject;

    @Column(name = "qualification_cert_no")
    private String qualificationCertificateNumber;

    @Column(name = "hire_date", nullable = false)
    private LocalDate hireDate;

    @Column(name = "last_ce_certificate_on")
    private LocalDate lastCertificateIssuedOn;

    @Column(name = "principal_appointed_on")
    private LocalDate principalAppointedOn;

    @Column(name = "in_post", nullable = false)
    private boolean inPost = true;

    @Column(name = "left_post_on")
    private LocalDate leftPostOn;

    protected Teacher() {
        // for JPA
    }

    Teacher(String staffNumber, String name, String gender, Long schoolId, Stage stage, String subject,
            String qualificationCertificateNumber, LocalDate hireDate) {
        this.staffNumber = staffNumber;
        this.name = name;
        this.gender = gender;
        this.schoolId = schoolId;
        this.stage = stage;
        this.subject = subject;
        this.qualificationCertificateNumber = qualificationCertificateNumber;
        this.hireDate = hireDate;
    }

    public Long getId() {
        return id;
    }

    public String staffNumber() {
        return staffNumber;
    }

    public String name() {
        return name;
    }

    public String gender() {
        return gender;
    }

    public Long schoolId() {
        return schoolId;
    }

    public Stage stage() {
        return stage;
    }

    public String subject() {
        return subject;
    }

    public String qualificationCertificateNumber() {
        return qualificationCertificateNumber;
    }

    public LocalDate hireDate() {
        return hireDate;
    }

    public LocalDate lastCertificateIssuedOn() {
        return lastCertificateIssuedOn;
    }

    public LocalDate principalAppointedOn() {
        return principalAppointedOn;
    }

    public boolean inPost() {
        return inPost;
    }

    public LocalDate leftPostOn() {
        return leftPostOn;
    }

    /** in post and holding a teacher qualification certificate. */
    public boolean isRegistrable() {
        return inPost && qualificationCertificateNumber != null && !qualificationCertificateNumber.isBlank();
    }

    /**
     * a new teacher during the first year after hire (Zhengzhou §九: 120 hours of
     * new-teacher training "within one year of starting work").
     */
    public boolean isNewTeacherOn(LocalDate date) {
        return !date.isBefore(hireDate) && date.isBefore(hireDate.plusYears(1));
    }

    /** a newly appointed principal during the first year after appointment (300 hours of qualification training). */
    public boolean isNewPrincipalOn(LocalDate date) {
        return principalAppointedOn != null && !date.isBefore(principalAppointedOn)
                && date.isBefore(principalAppointedOn.plusYears(1));
    }

    void moveTo(Long newSchoolId) {
        this.schoolId = newSchoolId;
    }

    void recordCertificateIssued(LocalDate issuedOn) {
        this.lastCertificateIssuedOn = issuedOn;
    }

    void appointPrincipal(LocalDate appointedOn) {
        this.principalAppointedOn = appointedOn;
    }

    void leavePost(LocalDate leftOn) {
        this.inPost = false;
        this.leftPostOn = leftOn;
    }
}
