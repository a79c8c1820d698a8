package cn.shixun.countyplan;

import cn.shixun.tasks.CaseStatus;

/**
 * What a county plan's record keeps of where it stands: open, or how it ended. Which step an
 * open plan is at is the process's ({@code CaseProgress}); that it has been filed is
 * {@link CountyPlan#filedAt()}, a fact of the record and not a step.
 */
public enum PlanStatus implements CaseStatus {
    OPEN("办理中"),
    REGISTERED("学时已登记"),
    /** Rejected before it was filed: it does not count as the year's plan. */
    REJECTED("计划未通过"),
    /** Rejected after it was filed (the summary's audit): the year's plan stays filed. */
    SUMMARY_REJECTED("培训总结未通过"),
    REGISTRATION_REFUSED("学时登记被拒");

    private final String label;

    PlanStatus(String label) {
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

    /** A plan rejected by the city does not count as this year's plan: the county may file again. */
    public boolean countsAsFiled() {
        return this != REJECTED;
    }
}
