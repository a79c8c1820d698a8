package cn.shixun.organisation;

import cn.shixun.shared.BusinessRuleException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree as the other modules see it: look-ups, the policy profile an
 * organisation runs under, and the creation of provinces, cities, counties and schools.
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

    @Transactional
    public Organisation createRegion(String code, String name, OrganisationLevel level, Long parentId, String policyProfile) {
        if (level == OrganisationLevel.SCHOOL) {
            throw new IllegalArgumentException("use createSchool for schools");
        }
        Organisation parent = parentId == null ? null : require(parentId, "parentId");
        Organisation region = new Organisation(code, name, level, parent);
        region.assignPolicyProfile(policyProfile);
        return saveWithPath(region);
    }

    /**
     * A school under its administering organisation: a county for county schools, the city for
     * city-direct ones, the province for province-direct ones. Its registration authority
     * is data, named here, not derived.
     */
    @Transactional
    public Organisation createSchool(String code, String name, Long parentId, Set<Stage> stages, SchoolKind kind,
                                     Long registrationAuthorityId) {
        Organisation parent = require(parentId, "parentId");
        Organisation school = new Organisation(code, name, OrganisationLevel.SCHOOL, parent);
        school.makeSchool(stages, kind);
        school.assignRegistrationAuthority(require(registrationAuthorityId, "registrationAuthorityId"));
        return saveWithPath(school);
    }

    private Organisation saveWithPath(Organisation organisation) {
        Organisation saved = repository.saveAndFlush(organisation);
        saved.completePath();
        return saved;
    }
}
