package cn.shixun.teacher;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One move of a teacher between schools; kept forever as the teacher's history. */
@Entity
@Table(name = "teacher_transfer")
public class TeacherTransfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "from_school_id", nullable = false)
    private Long fromSchoolId;

    @Column(name = "to_school_id", nullable = false)
    private Long toSchoolId;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected TeacherTransfer() {
        // for JPA
    }

    TeacherTransfer(Long teacherId, Long fromSchoolId, Long toSchoolId, LocalDate effectiveOn, Instant recordedAt, String recordedBy) {
        this.teacherId = teacherId;
        this.fromSchoolId = fromSchoolId;
        this.toSchoolId = toSchoolId;
        this.effectiveOn = effectiveOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public Long getId() {
        return id;
    }

    public Long teacherId() {
        return teacherId;
    }

    public Long fromSchoolId() {
        return fromSchoolId;
    }

    public Long toSchoolId() {
        return toSchoolId;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
