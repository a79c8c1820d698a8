package cn.shixun.exemption;

/** The steps of the procedure an event of the history belongs to. */
public enum ExemptionStep {
    APPLICATION("提交申请"),
    SCHOOL_REVIEW("学校审核"),
    AUTHORITY_REVIEW("登记机构审核"),
    AMENDMENT("修改后重新提交"),
    CREDIT("登记学时"),
    DEADLINE("办理期限");

    private final String label;

    ExemptionStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
