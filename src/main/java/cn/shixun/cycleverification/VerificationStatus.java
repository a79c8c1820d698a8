package cn.shixun.cycleverification;

/** Where a teacher's cycle verification stands. */
public enum VerificationStatus {
    COUNTY_RECHECK("县级复查中"),
    CITY_CONFIRMATION("市级确认中"),
    PROVINCE_FILING("省级备案中"),
    RETURNED("已退回学校补充材料"),
    ISSUING("证书发放中"),
    CERTIFIED("已核准发证"),
    REJECTED("核准未通过"),
    CERTIFICATE_REFUSED("未发证");

    private final String label;

    VerificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still being worked on: the same cycle may not be declared again meanwhile. */
    public boolean isOpen() {
        return this != CERTIFIED && this != REJECTED && this != CERTIFICATE_REFUSED;
    }
}
