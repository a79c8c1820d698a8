package cn.shixun.organisation;

/**
 * R-05 (Zhengzhou §五): senior-high projects are designed by the province, junior-middle ones by
 * the city, primary and kindergarten ones by the county; county key-teacher projects for middle
 * schools are designed by the county (and reviewed and filed by the city first: the county plan
 * filing, R-32); school-based projects by the school itself. By R-03 the designer also reviews
 * and registers the hours.
 */
public final class ProjectDesignAuthorities {

    private ProjectDesignAuthorities() {
    }

    /**
     * The level that designs projects of this type for this stage. Special education is run by
     * the counties like primary schools, vocational schools by the city like junior middle: the
     * notices do not say, so this is the assumption the demo regions ship with.
     */
    public static OrganisationLevel designLevel(Stage stage, ProjectType type) {
        if (type == ProjectType.SCHOOL_BASED) {
            return OrganisationLevel.SCHOOL;
        }
        if (type == ProjectType.KEY_TEACHER) {
            return OrganisationLevel.COUNTY;
        }
        return switch (stage) {
            case SENIOR_HIGH -> OrganisationLevel.PROVINCE;
            case JUNIOR_MIDDLE, VOCATIONAL -> OrganisationLevel.CITY;
            case PRIMARY, KINDERGARTEN, SPECIAL_EDUCATION -> OrganisationLevel.COUNTY;
        };
    }
}
