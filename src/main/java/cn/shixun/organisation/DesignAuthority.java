package cn.shixun.organisation;

/**
 * Who designs a training project and thereby reviews and registers its hours.
 *
 * @param designer the organisation that designs the project
 * @param reviewer the organisation that must review and file the plan before it may run, or
 *                 null when none is needed (only county key-teacher projects for middle schools)
 */
public record DesignAuthority(Organisation designer, Organisation reviewer) {

    /** whoever designs a project reviews and registers its hours. */
    public Organisation registrar() {
        return designer;
    }

    public OrganisationLevel level() {
        return designer.level();
    }

    public boolean needsReview() {
        return reviewer != null;
    }
}
