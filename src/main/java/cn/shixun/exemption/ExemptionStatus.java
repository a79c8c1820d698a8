package cn.shixun.exemption;

import cn.shixun.tasks.CaseStatus;

/**
 * What the application's record keeps of where it stands: open, or how it ended. Which step an
 * open application is at is the process's ({@code CaseProgress}), not a status of ours.
 */
public enum ExemptionStatus implements CaseStatus {
    OPEN("办理中"),
    EXEMPTED("已免修登记"),
    REJECTED("未通过"),
    CREDIT_REFUSED("学时登记被拒");

    private final String label;

    ExemptionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean isOpen() {
        return this == OPEN;
    }

    /** A closed application no longer holds its diploma: the same certificate may be applied with again. */
    public boolean isClosedWithoutExemption() {
        return this == REJECTED || this == CREDIT_REFUSED;
    }
}
