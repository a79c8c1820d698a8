package cn.shixun.countyplan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A teacher who took part in a project, as the county's summary lists them, and what the ledger
 * made of it: the entry registered, or the reason it was refused (R-40: kept, not dropped).
 */
@Embeddable
public class Participant {

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "staff_number", nullable = false)
    private String staffNumber;

    @Column(name = "ledger_entry_id")
    private Long ledgerEntryId;

    private String refusal;

    protected Participant() {
        // for JPA
    }

    Participant(Long teacherId, String staffNumber) {
        this.teacherId = teacherId;
        this.staffNumber = staffNumber;
    }

    public Long teacherId() {
        return teacherId;
    }

    public String staffNumber() {
        return staffNumber;
    }

    public Long ledgerEntryId() {
        return ledgerEntryId;
    }

    public String refusal() {
        return refusal;
    }

    void registered(Long entryId) {
        this.ledgerEntryId = entryId;
        this.refusal = null;
    }

    void refused(String reason) {
        this.refusal = reason;
    }
}
