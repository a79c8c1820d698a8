package cn.shixun.organisation;

/** Who a school belongs to, which decides its registration authority. */
public enum SchoolKind {
    /** A school run by a county or district (县（市、区）中小学). */
    COUNTY_SCHOOL("县（区）属学校"),
    /** A city-direct or city-affiliated school (市直、市属). */
    CITY_DIRECT("市直学校"),
    /** A school directly under the provincial education department (省教育厅直属). */
    PROVINCE_DIRECT("省直学校");

    private final String label;

    SchoolKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
