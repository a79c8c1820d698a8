package cn.shixun.policy;

/** The kinds of training a claim can be for; the profile's credit rules decide what each earns. */
public enum ClaimKind {
    /** national/provincial programme with the hours on its certificate. */
    PROGRAMME_CERTIFIED("国培、省培项目"),
    /** training by a city/county bureau or training school, hours or days. */
    BUREAU_TRAINING("教育行政部门、教师进修学校培训"),
    NEW_TEACHER_TRAINING("新任教师培训"),
    PRINCIPAL_TRAINING("新任校长任职资格培训"),
    /** one study year of degree study, on the college's yearly transcript. */
    DEGREE_STUDY_YEAR("学历提升（学年）"),
    /** self-study examination subjects passed. */
    SELF_STUDY_EXAM("自学考试"),
    /** R-16 (Henan) or elective (Sanmenxia): a degree obtained. */
    DEGREE_OBTAINED("取得学历"),
    SCHOOL_BASED("校本研修"),
    /** R-17 Xinxiang: network school-based research, 16 a year. */
    NETWORK_SCHOOL_BASED("网络校本研修"),
    /** a trainer's taught hours. */
    TRAINER("培训授课"),
    /** master-teacher base, convener or member. */
    MASTER_BASE("名师基地"),
    /** outreach sessions (volunteer teaching, sending teaching to the countryside). */
    OUTREACH_SESSION("送教下乡、志愿支教"),
    /** full-time teaching support. */
    FULL_TIME_SUPPORT("全职支教"),
    /** a certificate from another department. */
    PROFESSIONAL_CERTIFICATE("其他证书"),
    /** China University MOOC. */
    MOOC("中国大学MOOC"),
    /** online whole-staff programme. */
    ONLINE_WHOLE_STAFF("全员网络培训"),
    /** Sanmenxia categories. */
    PUBLIC_COURSE("公需课"),
    ETHICS_EDUCATION("师德培训"),
    SUBJECT_TRAINING("学科知识、技能培训"),
    /** Mandatory special training; a degree exemption never covers it. */
    SPECIAL_TRAINING("特殊专项培训");

    private final String label;

    ClaimKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A degree, studied or obtained: judged by its national series and whether it is remedial, not by approval. */
    public boolean isDegree() {
        return this == DEGREE_STUDY_YEAR || this == SELF_STUDY_EXAM || this == DEGREE_OBTAINED;
    }
}
