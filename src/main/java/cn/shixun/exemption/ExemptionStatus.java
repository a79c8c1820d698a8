package cn.shixun.exemption;

/** Where an application stands. */
public enum ExemptionStatus {
    SCHOOL_REVIEW("学校审核中"),
    AUTHORITY_REVIEW("登记机构审核中"),
    RETURNED("退回修改"),
    CREDITING("已批准，登记学时中"),
    EXEMPTED("已免修登记"),
    REJECTED("未通过"),
    CREDIT_REFUSED("学时登记被拒");

    private final String label;

    ExemptionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A closed application no longer holds its diploma: the same certificate may be applied with again. */
    public boolean isClosedWithoutExemption() {
        return this == REJECTED || this == CREDIT_REFUSED;
    }
}
