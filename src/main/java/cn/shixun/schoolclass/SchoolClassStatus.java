package cn.shixun.schoolclass;

/** Where a school-based class stands; each value names the step that is open. */
public enum SchoolClassStatus {
    COURSE_SCHOOL_REVIEW("学校审核课程"),
    COURSE_COUNTY_REVIEW("县级审核课程"),
    COURSE_RETURNED("课程退回修改"),
    CLASS_PLANNING("创建班级"),
    OPENING_REVIEW("开班审核"),
    ENROLLING("学员管理"),
    ENROLMENT_REVIEW("学员审核"),
    IN_TRAINING("培训中（学习结束后学校打分）"),
    GRADING("学员打分"),
    GRADES_SCHOOL_REVIEW("学校学时评定审核"),
    GRADES_COUNTY_REVIEW("县级学时审核"),
    CREDITING("登记学时中"),
    CREDITED("学时已登记"),
    REJECTED("未通过");

    private final String label;

    SchoolClassStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
