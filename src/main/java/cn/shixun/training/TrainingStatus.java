package cn.shixun.training;

/** Where an external-training application stands. */
public enum TrainingStatus {
    CONSENT_REVIEW("学校事先审核中"),
    APPLICATION_RETURNED("申请退回修改"),
    CONSENTED("学校已同意，待培训结束"),
    COMPLETION_DUE("待提交结业材料"),
    COMPLETION_REVIEW("学校审核结业材料中"),
    COMPLETION_RETURNED("结业材料退回修改"),
    AUTHORITY_REVIEW("登记机构审核中"),
    CREDITING("待登记学时"),
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

    public String label() {
        return label;
    }

    /** Closed without hours: its plan or certificate may be used by a new application. */
    public boolean isClosedWithoutHours() {
        return this == REJECTED || this == LAPSED || this == PROVIDER_NOT_QUALIFIED || this == CREDIT_REFUSED;
    }
}
