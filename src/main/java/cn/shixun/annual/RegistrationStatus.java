package cn.shixun.annual;

import cn.shixun.tasks.CaseStatus;

/**
 * What a registration's record keeps of where it stands: open, or how it ended — published, or
 * closed by a reviewer (rejected) or by the ledger (refused, R-01). Which step an open
 * registration is at is its process's ({@code CaseProgress}); whether its year is registered yet
 * is {@link AnnualRegistration#resultMet()}.
 */
public enum RegistrationStatus implements CaseStatus {
    OPEN("办理中"),
    PUBLISHED("已登记并发布"),
    REJECTED("未通过"),
    REFUSED("登记被拒");

    private final String label;

    RegistrationStatus(String label) {
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
}
