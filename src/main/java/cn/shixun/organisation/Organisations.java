package cn.shixun.organisation;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree as the other modules see it: look-ups, scope questions, the
 * registration authority of a school, the policy profile an organisation runs under,
 * and the creation of provinces, cities, counties and schools. Creation refuses anything that
 * would break the tree before it writes.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository repository;

    Organisations(OrganisationRepository repository) {
        this.repository = repository;
    }

    public Optional<Organisation> find(Long id) {
        return id == null ? Optional.empty() : repository.findById(id);
    }

    public Optional<Organisation> findByCode(String code) {
        return repository.findByCode(code);
    }

    /** The organisation, or a 404-style refusal naming {@code field}. */
    public Organisation require(Long id, String field) {
        return find(id).orElseThrow(() -> BusinessRuleException.notFound(field, "organisation.not-found", id));
    }

    /** A school, or a refusal naming {@code field} when the id is unknown or not a school. */
    public Organisation requireSchool(Long id, String field) {
        Organisation organisation = require(id, field);
        if (!organisation.isSchool()) {
            throw BusinessRuleException.violation("R-02", field, "organisation.not-a-school", organisation.name());
        }
        return organisation;
    }

    public List<Organisation> children(Long parentId) {
        return repository.findByParentIdOrderByCode(parentId);
    }

    /** Organisations filtered by level and/or direct parent; both optional. */
    public List<Organisation> list(OrganisationLevel level, Long parentId) {
        return repository.search(level, parentId);
    }

    /** From the province down to (and including) the given organisation. */
    public List<Organisation> lineage(Long id) {
        List<Organisation> chain = new ArrayList<>();
        Optional<Organisation> current = find(id);
        while (current.isPresent()) {
            chain.add(current.get());
            current = find(current.get().parentId());
        }
        Collections.reverse(chain);
        return chain;
    }

    /** True when organisation {@code id} is {@code ancestorId} itself or lies below it; false for unknown ids. */
    public boolean isWithin(Long id, Long ancestorId) {
        Optional<Organisation> organisation = find(id);
        Optional<Organisation> ancestor = find(ancestorId);
        return organisation.isPresent() && ancestor.isPresent() && ancestor.get().contains(organisation.get());
    }

    /** Every school at or below the organisation (a school yields itself), ordered by code. */
    public List<Organisation> schoolsUnder(Long id) {
        Organisation root = require(id, "id");
        return repository.findByLevelAndPathStartingWithOrderByCode(OrganisationLevel.SCHOOL, root.path());
    }

    /**
     * The schools an authority at organisation {@code id} answers for: every school at or below
     * it, and the schools elsewhere in the tree whose registration authority it is or
     * contains (a city-direct kindergarten for the district where it stands). Empty for an unknown id.
     */
    public Set<Long> schoolIdsCoveredBy(Long id) {
        return find(id).map(root -> Set.copyOf(repository.schoolIdsCoveredFrom(root.path()))).orElse(Set.of());
    }

    /** Every school of the platform: what the platform administrator covers. */
    public Set<Long> allSchoolIds() {
        return Set.copyOf(repository.schoolIdsCoveredFrom("/"));
    }

    /** The organisation and everything below it, ordered by code (which follows the tree); all of them for null. */
    public List<Organisation> treeUnder(Long id) {
        String prefix = id == null ? "/" : require(id, "organisationId").path();
        return repository.findByPathStartingWithOrderByCode(prefix);
    }

    /** Whether an authority at organisation {@code authorityId} answers for {@code organisationId} (see {@link #schoolIdsCoveredBy}). */
    public boolean answersFor(Long authorityId, Long organisationId) {
        Optional<Organisation> authority = find(authorityId);
        Optional<Organisation> target = find(organisationId);
        if (authority.isEmpty() || target.isEmpty()) {
            return false;
        }
        if (authority.get().contains(target.get())) {
            return true;
        }
        return target.get().isSchool() && target.get().registrationAuthorityId() != null
                && find(target.get().registrationAuthorityId()).filter(authority.get()::contains).isPresent();
    }

    /**
     * who registers the own applications (degree exemption, outside training…) of this
     * school's teachers. The answer is the data recorded on the school, checked when it was created.
     */
    public Organisation registrationAuthorityOf(Long schoolId) {
        Organisation school = requireSchool(schoolId, "schoolId");
        if (school.registrationAuthorityId() == null) {
            throw BusinessRuleException.violation("R-04", "schoolId", "organisation.no-registration-authority", school.name());
        }
        return require(school.registrationAuthorityId(), "registrationAuthorityId");
    }

    /**
     * The policy profile code that applies to an organisation: its own, else the nearest
     * ancestor's. A school outside every configured region is refused rather than given a
     * silent default.
     */
    public String effectivePolicyProfile(Long organisationId) {
        List<Organisation> chain = lineage(organisationId);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String own = chain.get(i).ownPolicyProfile();
            if (own != null) {
                return own;
            }
        }
        throw BusinessRuleException.violation(null, "schoolId", "organisation.no-policy-profile", organisationId);
    }

    /** A province (no parent), a city under a province or a county/district under a city. */
    @Transactional
    public Organisation createRegion(String code, String name, OrganisationLevel level, Long parentId, String policyProfile) {
        checkCodeAndName(code, name);
        if (level == null) {
            throw BusinessRuleException.violation("R-02", "level", "organisation.level-required");
        }
        if (level == OrganisationLevel.SCHOOL) {
            throw BusinessRuleException.violation("R-02", "level", "organisation.school-is-not-a-region");
        }
        Organisation parent = null;
        if (level == OrganisationLevel.PROVINCE) {
            if (parentId != null) {
                throw BusinessRuleException.violation("R-02", "parentId", "organisation.province-has-no-parent");
            }
        } else {
            if (parentId == null) {
                throw BusinessRuleException.violation("R-02", "parentId", "organisation.parent-required", EnumLabels.argument(level));
            }
            parent = require(parentId, "parentId");
            OrganisationLevel expected = OrganisationLevel.values()[level.ordinal() - 1];
            if (parent.level() != expected) {
                throw BusinessRuleException.violation("R-02", "parentId", "organisation.wrong-parent-level",
                        level.label(), expected.label(), parent.name());
            }
        }
        Organisation region = new Organisation(code.trim(), name.trim(), level, parent);
        region.assignPolicyProfile(policyProfile);
        return saveWithPath(region);
    }

    /**
     * A school under its administering organisation: a county for county schools, the city for
     * city-direct ones, the province for province-direct ones. Its registration authority
     * is data, named here and checked against the rule; see {@link RegistrationAuthorityRule}.
     */
    @Transactional
    public Organisation createSchool(String code, String name, Long parentId, Set<Stage> stages, SchoolKind kind,
                                     Long registrationAuthorityId) {
        checkCodeAndName(code, name);
        if (stages == null || stages.isEmpty()) {
            throw BusinessRuleException.violation("R-02", "stages", "organisation.school-needs-stage");
        }
        if (kind == null) {
            throw BusinessRuleException.violation("R-02", "schoolKind", "organisation.school-kind-required");
        }
        if (parentId == null) {
            throw BusinessRuleException.violation("R-02", "parentId", "organisation.parent-required", EnumLabels.argument(OrganisationLevel.SCHOOL));
        }
        Organisation parent = require(parentId, "parentId");
        OrganisationLevel expectedParent = RegistrationAuthorityRule.parentLevelOf(kind);
        if (parent.level() != expectedParent) {
            throw BusinessRuleException.violation("R-02", "parentId", "organisation.school-wrong-parent",
                    kind.label(), expectedParent.label(), parent.name());
        }
        if (registrationAuthorityId == null) {
            throw BusinessRuleException.violation("R-04", "registrationAuthorityId", "organisation.registration-authority-required");
        }
        Organisation authority = require(registrationAuthorityId, "registrationAuthorityId");
        RegistrationAuthorityRule.check(kind, stages, parent, authority);
        Organisation school = new Organisation(code.trim(), name.trim(), OrganisationLevel.SCHOOL, parent);
        school.makeSchool(stages, kind);
        school.assignRegistrationAuthority(authority);
        return saveWithPath(school);
    }

    /**
     * Moves a county school to another county of the same province: the county becomes its parent and
     * its registration authority. Its teachers, their hour records and its finished cases stay as they
     * are; the caller makes sure no case of the school is running (docs/administration.md). Only county
     * schools move: a city- or province-direct school belongs to its city or province, not to a county.
     */
    @Transactional
    public Organisation moveSchool(Long schoolId, Long countyId) {
        Organisation school = requireSchool(schoolId, "schoolId");
        if (school.schoolKind() != SchoolKind.COUNTY_SCHOOL) {
            throw BusinessRuleException.violation("R-02", "schoolId", "organisation.move.only-county-schools",
                    school.name(), school.schoolKind().label());
        }
        Organisation county = require(countyId, "countyId");
        if (county.level() != OrganisationLevel.COUNTY) {
            throw BusinessRuleException.violation("R-02", "countyId", "organisation.move.target-not-county", county.name());
        }
        if (county.getId().equals(school.parentId())) {
            throw BusinessRuleException.violation("R-02", "countyId", "organisation.move.same-county", school.name(),
                    county.name());
        }
        if (!provinceOf(county).getId().equals(provinceOf(school).getId())) {
            throw BusinessRuleException.violation("R-02", "countyId", "organisation.move.other-province", county.name());
        }
        school.moveToCounty(county);
        return school;
    }

    private Organisation provinceOf(Organisation organisation) {
        return lineage(organisation.getId()).get(0);
    }

    private void checkCodeAndName(String code, String name) {
        if (code == null || code.isBlank()) {
            throw BusinessRuleException.violation(null, "code", "organisation.code-required");
        }
        if (name == null || name.isBlank()) {
            throw BusinessRuleException.violation(null, "name", "organisation.name-required");
        }
        if (repository.existsByCode(code.trim())) {
            throw BusinessRuleException.conflict(null, "code", "organisation.code-taken", code.trim());
        }
    }

    private Organisation saveWithPath(Organisation organisation) {
        Organisation saved = repository.saveAndFlush(organisation);
        saved.completePath();
        return saved;
    }
}
