package cn.shixun.tasks;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.Role;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidate groups that review a teacher's own application, computed from the organisation
 * data: the school's administrators first, then the school's registration authority,
 * a county's reviewers or the city's CE office. The routing is the data each school names
 * ({@link Organisations#registrationAuthorityOf}), never a model constant.
 */
@Service
@Transactional(readOnly = true)
public class ReviewRouting {

    private final Organisations organisations;

    ReviewRouting(Organisations organisations) {
        this.organisations = organisations;
    }

    /** {@code school-admin:<school code>}. */
    public CandidateGroup schoolReview(Long schoolId) {
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        return CandidateGroup.of(Role.SCHOOL_ADMIN, school.code());
    }

    /** {@code county-reviewer:<code>} or {@code city-reviewer:<code>} for the school's registration authority. */
    public CandidateGroup authorityReview(Long schoolId) {
        Organisation authority = organisations.registrationAuthorityOf(schoolId);
        Role role = authority.level() == OrganisationLevel.CITY ? Role.CITY_REVIEWER : Role.COUNTY_REVIEWER;
        return CandidateGroup.of(role, authority.code());
    }

    /**
     * Where an overdue task goes next: a school's review to its registration authority,
     * a county's to its city, a city's to its province; nothing above a province.
     */
    public Optional<CandidateGroup> above(CandidateGroup group) {
        Optional<Organisation> organisation = organisations.findByCode(group.organisationCode());
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        return switch (group.role()) {
            case SCHOOL_ADMIN -> Optional.of(authorityReview(organisation.get().getId()));
            case COUNTY_REVIEWER -> parentGroup(organisation.get(), Role.CITY_REVIEWER);
            case CITY_REVIEWER -> parentGroup(organisation.get(), Role.PROVINCE_REVIEWER);
            default -> Optional.empty();
        };
    }

    private Optional<CandidateGroup> parentGroup(Organisation organisation, Role role) {
        if (organisation.parentId() == null) {
            return Optional.empty();
        }
        return organisations.find(organisation.parentId()).map(parent -> CandidateGroup.of(role, parent.code()));
    }
}
