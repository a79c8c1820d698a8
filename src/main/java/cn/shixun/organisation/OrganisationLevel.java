package cn.shixun.organisation;

/** The four management levels of R-02: 省、市、县（区）、校. */
public enum OrganisationLevel {
    PROVINCE("省"),
    CITY("市"),
    COUNTY("县（区）"),
    SCHOOL("学校");

    private final String label;

    OrganisationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
