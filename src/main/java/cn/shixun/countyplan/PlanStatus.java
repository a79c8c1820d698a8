package cn.shixun.countyplan;

/** Where a county plan stands; each status names the step that is open now. */
public enum PlanStatus {
    CITY_REVIEW("市教育局审核中"),
    RETURNED("退回修改"),
    HR_FILING("待登记人社部门备案"),
    FILED("已备案，待报送培训总结"),
    SUMMARY_AUDIT("培训总结审核中"),
    SUMMARY_RETURNED("培训总结退回修改"),
    REGISTERING("学时登记中"),
    REGISTERED("学时已登记"),
    REJECTED("计划未通过"),
    SUMMARY_REJECTED("培训总结未通过"),
    REGISTRATION_REFUSED("学时登记被拒");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A plan rejected by the city does not count as this year's plan: the county may file again. */
    public boolean countsAsFiled() {
        return this != REJECTED;
    }
}
