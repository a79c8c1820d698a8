package cn.shixun.schoolclass;

/** The forms of school-based study the notices list (Zhengzhou §五: 校本研修形式). */
public enum CourseType {
    SCHOOL_TRAINING("校本培训"),
    LESSON_OBSERVATION("听评课和示范课"),
    RESEARCH_PROJECT("课题研究"),
    COURSE_DEVELOPMENT("校本课程开发"),
    REGIONAL_STUDY("区域研修"),
    ONLINE_TEACHING_RESEARCH("网络教研");

    private final String label;

    CourseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
