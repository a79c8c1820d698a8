package cn.shixun.training;

/**
 * What the completion certificate is, as the teacher's policy profile tells them apart (R-21,
 * the profile's table {@code recognisedCertificates.dmn} decides whether it earns hours.
 * The names are the table's input values.
 */
public enum CertificateKind {
    /** The training was notified or filed by an education authority. */
    EDUCATION_DEPARTMENT_NOTICE("培训经教育行政部门通知或备案"),
    /** Kunming 第十一条: professional training by another department for a teacher with another qualification. */
    OTHER_PROFESSION_DEPARTMENT("相关部门组织的专业培训"),
    /** An HR department's continuing-education certificate (Xinxiang §三.8: not recognised). */
    HR_CE_CERTIFICATE("人社部门继续教育证书"),
    /** A social training body's certificate without an education-department notice. */
    SOCIAL_TRAINING_BODY("社会培训机构证书");

    private final String label;

    CertificateKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
