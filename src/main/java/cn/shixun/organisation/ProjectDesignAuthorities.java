package cn.shixun.organisation;

import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-05 (Zhengzhou §五): senior-high projects are designed by the province, junior-middle ones by
 * the city, primary and kindergarten ones by the county; county key-teacher projects for middle
 * schools are designed by the county but reviewed and filed by the city first; school-based
 * projects by the school itself. By R-03 the designer also reviews and registers the hours.
 */
@Service
@Transactional(readOnly = true)
public class ProjectDesignAuthorities {

    private final Organisations organisations;

    ProjectDesignAuthorities(Organisations organisations) {
        this.organisations = organisations;
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

    /**
     * Who designs a project of {@code type} for the {@code stage} teachers of this school. A
     * city- or province-direct school trains with the city or county of its registration
     * authority (Zhengzhou §二: "随所在区教育局开展培训", "随郑州市教育局开展培训"); where no
     * organisation of the wanted level exists above the school, the next level up designs.
     */
    public DesignAuthority forSchool(Long schoolId, Stage stage, ProjectType type) {
        if (stage == null) {
            throw BusinessRuleException.violation("R-05", "stage", "organisation.stage-required");
        }
        if (type == null) {
            throw BusinessRuleException.violation("R-05", "projectType", "organisation.project-type-required");
        }
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (!school.stages().contains(stage)) {
            throw BusinessRuleException.violation("R-05", "stage", "organisation.stage-not-at-school", stage.label(), school.name());
        }
        OrganisationLevel wanted = designLevel(stage, type);
        if (wanted == OrganisationLevel.SCHOOL) {
            return new DesignAuthority(school, null);
        }
        List<Organisation> own = organisations.lineage(school.getId());
        List<Organisation> authority = school.registrationAuthorityId() == null
                ? List.of() : organisations.lineage(school.registrationAuthorityId());
        for (int level = wanted.ordinal(); level >= 0; level--) {
            OrganisationLevel candidate = OrganisationLevel.values()[level];
            Optional<Organisation> designer = at(own, candidate).or(() -> at(authority, candidate));
            if (designer.isPresent()) {
                Organisation reviewer = needsCityReview(stage, type, designer.get())
                        ? at(organisations.lineage(designer.get().getId()), OrganisationLevel.CITY).orElse(null)
                        : null;
                return new DesignAuthority(designer.get(), reviewer);
            }
        }
        throw BusinessRuleException.violation("R-05", "schoolId", "organisation.no-design-authority", school.name());
    }

    private static boolean needsCityReview(Stage stage, ProjectType type, Organisation designer) {
        return type == ProjectType.KEY_TEACHER && stage.isMiddleSchool() && designer.level() == OrganisationLevel.COUNTY;
    }

    private static Optional<Organisation> at(List<Organisation> lineage, OrganisationLevel level) {
        return lineage.stream().filter(o -> o.level() == level).findFirst();
    }
}
