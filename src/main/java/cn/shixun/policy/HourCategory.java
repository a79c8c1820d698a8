package cn.shixun.policy;

/** What a credited hour counts toward; requirements name categories. */
public enum HourCategory {
    GENERAL("培训"),
    SCHOOL_BASED("校本研修"),
    NEW_TEACHER("新任教师培训"),
    PRINCIPAL("校长任职资格培训"),
    DEGREE("学历提升"),
    DEGREE_EXEMPTION("学历免修"),
    SPECIAL("专项培训"),
    PUBLIC("公需课"),
    ETHICS("师德培训"),
    SUBJECT("学科知识、技能培训"),
    ELECTIVE("选修"),
    LEGACY("系统启用前学时");

    private final String label;

    HourCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
