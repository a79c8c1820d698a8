package cn.shixun.annual;

/** Where a teacher's annual registration stands. */
public enum RegistrationStatus {
    SCHOOL_REVIEW("学校审核中"),
    RETURNED("退回补充材料"),
    AUTHORITY_REVIEW("登记机构审核中"),
    REGISTERING("已同意，登记中"),
    PUBLISHED("已登记并发布"),
    REJECTED("未通过"),
    REFUSED("登记被拒");

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
