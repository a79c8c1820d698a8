package cn.shixun.cycleverification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A continuing-education registration certificate: the only proof that a teacher
 * completed a cycle, valid five years from its issue date. Its number is public; the check
 * code printed next to it is random, so that a third party who holds the paper can verify it
 * and nobody can enumerate certificates by guessing numbers. What it certifies is copied at
 * issue: a later transfer or correction does not change a certificate already printed.
 */
@Entity
@Table(name = "ce_certificate")
public class Certificate {

    /** R-36 (Zhengzhou §四): valid five years from the issue date. */
    static final int VALID_YEARS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(name = "check_code", nullable = false)
    private String checkCode;

    @Column(name = "verification_id", nullable = false, unique = true)
    private Long verificationId;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "teacher_name", nullable = false)
    private String teacherName;

    @Column(name = "school_id", nullable = false)
    private Long schoolId;

    @Column(name = "school_name", nullable = false)
    private String schoolName;

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

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected Certificate() {
        // for JPA
    }

    Certificate(String provisionalNumber, String checkCode, CycleVerification verification, String teacherName,
                String schoolName, LocalDate issuedOn, Instant issuedAt) {
        this.number = provisionalNumber;
        this.checkCode = checkCode;
        this.verificationId = verification.getId();
        this.teacherId = verification.teacherId();
        this.teacherName = teacherName;
        this.schoolId = verification.schoolId();
        this.schoolName = schoolName;
        this.profileCode = verification.profileCode();
        this.cycleStart = verification.cycleStart();
        this.cycleEnd = verification.cycleEnd();
        this.totalHours = verification.totalHours();
        this.schoolBasedHours = verification.schoolBasedHours();
        this.issuedOn = issuedOn;
        this.validUntil = issuedOn.plusYears(VALID_YEARS).minusDays(1);
        this.issuedAt = issuedAt;
    }

    void numbered(String number) {
        this.number = number;
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(issuedOn) && !date.isAfter(validUntil);
    }

    public Long getId() {
        return id;
    }

    public String number() {
        return number;
    }

    public String checkCode() {
        return checkCode;
    }

    public Long verificationId() {
        return verificationId;
    }

    public Long teacherId() {
        return teacherId;
    }

    public String teacherName() {
        return teacherName;
    }

    /** The name as a public page shows it: first and last character, the rest hidden (王*丽, 欧阳**). */
    public String maskedTeacherName() {
        return mask(teacherName);
    }

    static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] chars = name.codePoints().toArray();
        if (chars.length == 1) {
            return name;
        }
        if (chars.length == 2) {
            return new String(chars, 0, 1) + "*";
        }
        return new String(chars, 0, 1) + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
    }

    public Long schoolId() {
        return schoolId;
    }

    public String schoolName() {
        return schoolName;
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

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public Instant issuedAt() {
        return issuedAt;
    }
}
