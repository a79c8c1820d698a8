package cn.shixun.organisation;

/** School stages (学段) of R-02; a school has one or more, a teacher teaches in one. */
public enum Stage {
    KINDERGARTEN("幼儿园"),
    PRIMARY("小学"),
    JUNIOR_MIDDLE("初中"),
    SENIOR_HIGH("高中"),
    SPECIAL_EDUCATION("特殊教育"),
    VOCATIONAL("中等职业");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Junior middle and senior high are the "middle school" stages of. */
    public boolean isMiddleSchool() {
        return this == JUNIOR_MIDDLE || this == SENIOR_HIGH;
    }
}
