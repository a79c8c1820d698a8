package cn.shixun.organisation;

import cn.shixun.shared.BusinessRuleException;
import java.util.Set;

/**
 * R-04 (Zhengzhou §二) as a check on the data entered for a new school:
 * <ul>
 *   <li>county school → its own county's registration authority;</li>
 *   <li>city- or province-direct <em>middle</em> school → the city CE office (a city; for a
 *       province-direct school, a city of that province);</li>
 *   <li>city- or province-direct primary school or kindergarten → the county/district where it
 *       stands (a county of that city, or of that province).</li>
 * </ul>
 * A school that teaches any middle-school stage counts as a middle school, since the notice
 * routes "中学" as a whole; special-education and vocational schools follow the county route.
 */
final class RegistrationAuthorityRule {

    private RegistrationAuthorityRule() {
    }

    static OrganisationLevel parentLevelOf(SchoolKind kind) {
        return switch (kind) {
            case COUNTY_SCHOOL -> OrganisationLevel.COUNTY;
            case CITY_DIRECT -> OrganisationLevel.CITY;
            case PROVINCE_DIRECT -> OrganisationLevel.PROVINCE;
        };
    }

    static boolean isMiddleSchool(Set<Stage> stages) {
        return stages.stream().anyMatch(Stage::isMiddleSchool);
    }

    /** Refuses (R-04, field registrationAuthorityId) an authority that the rule does not allow. */
    static void check(SchoolKind kind, Set<Stage> stages, Organisation parent, Organisation authority) {
        boolean fits;
        String expectationKey;
        if (kind == SchoolKind.COUNTY_SCHOOL) {
            fits = authority.getId().equals(parent.getId());
            expectationKey = "organisation.r04.own-county";
        } else if (isMiddleSchool(stages)) {
            fits = authority.level() == OrganisationLevel.CITY && parent.contains(authority);
            expectationKey = "organisation.r04.city";
        } else {
            fits = authority.level() == OrganisationLevel.COUNTY && parent.contains(authority);
            expectationKey = "organisation.r04.county-where-it-stands";
        }
        if (!fits) {
            throw BusinessRuleException.violation("R-04", "registrationAuthorityId", expectationKey,
                    authority.name(), parent.name(), kind.label());
        }
    }
}
