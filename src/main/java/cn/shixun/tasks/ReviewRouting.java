package cn.shixun.tasks;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
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

    /**
     * The candidate group an account reviews in now, from its role and organisation (ADR 0004);
     * none for a teacher or an account without an organisation.
     */
    public Optional<CandidateGroup> groupOf(CurrentAccount account) {
        if (account.isTeacher() || account.organisationId() == null) {
            return Optional.empty();
        }
        return organisations.find(account.organisationId())
                .map(organisation -> CandidateGroup.of(account.role(), organisation.code()));
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

    /** Whether the school's registration authority is a county, whose reviewers then check before the city. */
    public boolean countyReviews(Long schoolId) {
        return authorityReview(schoolId).role() == Role.COUNTY_REVIEWER;
    }

    /** {@code county-reviewer:<code>}: a county's own reviewers, or a county school's registration authority. */
    public CandidateGroup countyReview(Long organisationId) {
        Organisation organisation = organisations.require(organisationId, "organisationId");
        if (organisation.level() == OrganisationLevel.COUNTY) {
            return CandidateGroup.of(Role.COUNTY_REVIEWER, organisation.code());
        }
        CandidateGroup authority = authorityReview(organisationId);
        if (authority.role() != Role.COUNTY_REVIEWER) {
            throw new IllegalStateException("no county reviews for organisation " + organisation.code());
        }
        return authority;
    }

    /** {@code city-reviewer:<code>}: the city above a county, or a school's registration authority's city. */
    public CandidateGroup cityReview(Long organisationId) {
        Organisation organisation = organisations.require(organisationId, "organisationId");
        CandidateGroup below = organisation.level() == OrganisationLevel.COUNTY
                ? CandidateGroup.of(Role.COUNTY_REVIEWER, organisation.code()) : authorityReview(organisationId);
        return below.role() == Role.CITY_REVIEWER ? below : requireAbove(below);
    }

    /** {@code province-reviewer:<code>}: the province above {@link #cityReview}. */
    public CandidateGroup provinceReview(Long organisationId) {
        return requireAbove(cityReview(organisationId));
    }

    private CandidateGroup requireAbove(CandidateGroup group) {
        return above(group).orElseThrow(() -> new IllegalStateException("no reviewers above " + group.id()));
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
