package cn.shixun.schoolclass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A teacher enrolled in a school-based class, their grade, and what the ledger made of it. */
@Entity
@Table(name = "school_class_learner")
public class ClassLearner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "class_id", nullable = false)
    private Long classId;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Enumerated(EnumType.STRING)
    private Grade grade;

    @Column(name = "ledger_entry_id")
    private Long ledgerEntryId;

    /** Why the ledger refused this learner's hours, if it did. */
    @Column(name = "credit_refusal")
    private String creditRefusal;

    protected ClassLearner() {
        // for JPA
    }

    ClassLearner(Long classId, Long teacherId) {
        this.classId = classId;
        this.teacherId = teacherId;
    }

    void graded(Grade value) {
        this.grade = value;
    }

    void credited(Long entryId) {
        this.ledgerEntryId = entryId;
        this.creditRefusal = null;
    }

    void refused(String reason) {
        this.creditRefusal = reason;
    }

    public Long getId() {
        return id;
    }

    public Long classId() {
        return classId;
    }

    public Long teacherId() {
        return teacherId;
    }

    public Grade grade() {
        return grade;
    }

    public Long ledgerEntryId() {
        return ledgerEntryId;
    }

    public String creditRefusal() {
        return creditRefusal;
    }
}
