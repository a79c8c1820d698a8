package cn.shixun.organisation;

/** The kinds of training institutions that R-06 distinguishes. */
public enum ProviderKind {
    NORMAL_UNDERGRADUATE("本科师范院校"),
    NORMAL_JUNIOR_COLLEGE("专科师范院校"),
    ONLINE_PLATFORM("网络培训平台"),
    COUNTY_TRAINING_SCHOOL("县级教师培训机构"),
    OTHER("其他社会培训机构");

    private final String label;

    ProviderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
