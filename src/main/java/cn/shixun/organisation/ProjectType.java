package cn.shixun.organisation;

/** What kind of training project is designed; decides with the stage who designs it. */
public enum ProjectType {
    /** An ordinary training project of an education authority (国培/省培/市培/县培). */
    REGULAR("常规培训项目"),
    /** A county-level famous/backbone teacher project (县级名师、骨干教师培训). */
    KEY_TEACHER("名师骨干教师培训项目"),
    /** School-based training (校本研修): designed by the school, which also sets its hours. */
    SCHOOL_BASED("校本研修项目");

    private final String label;

    ProjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
