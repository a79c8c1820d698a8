package cn.shixun.training;

import cn.shixun.tasks.CaseStatus;

/**
 * What an external-training application's record keeps of where it stands: open, or how it
 * ended. Which step an open application is at is the process's ({@code CaseProgress}); that the
 * school consented is a date of the record ({@link ExternalTraining#consentedAt()}), not a status.
 */
public enum TrainingStatus implements CaseStatus {
    OPEN("办理中"),
    REGISTERED("学时已登记"),
    REJECTED("未通过"),
    /** the training started before the school consented. */
    LAPSED("未获事先同意，已失效"),
    /** the provider lost its qualification before the hours were registered. */
    PROVIDER_NOT_QUALIFIED("培训机构无资质，不予登记"),
    /** or another ledger rule refused the hours. */
    CREDIT_REFUSED("学时登记被拒");

    private final String label;

    TrainingStatus(String label) {
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

    /** Closed without hours: its plan or certificate may be used by a new application. */
    public boolean isClosedWithoutHours() {
        return this == REJECTED || this == LAPSED || this == PROVIDER_NOT_QUALIFIED || this == CREDIT_REFUSED;
    }
}
