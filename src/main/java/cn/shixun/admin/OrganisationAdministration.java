package cn.shixun.admin;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.OpenCases;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree as a system administrator keeps it (docs/administration.md): the tree of the
 * scope, new schools (kind, stages, city-direct), new cities and counties (and provinces, for the platform
 * administrator), and a county school moved to another county once none of its cases is running. The
 * checks of are {@link Organisations}'; every step is audited in its transaction.
 */
@Service
@Transactional
public class OrganisationAdministration {

    private final Organisations organisations;
    private final AdminScope scope;
    private final OpenCases openCases;
    private final ApplicationEventPublisher events;

    OrganisationAdministration(Organisations organisations, AdminScope scope, OpenCases openCases,
                               ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.scope = scope;
        this.openCases = openCases;
        this.events = events;
    }

    /** The organisations the administrator keeps, in tree order (by code). */
    @Transactional(readOnly = true)
    public List<Organisation> tree(CurrentAccount admin) {
        return organisations.treeUnder(scope.root(admin));
    }

    /**
     * A school under {@code parentId}. The registration authority is the county itself for a county
     * school and the city for a city-direct middle school; a city- or province-direct primary school or
     * kindergarten names the county where it stands.
     */
    public Organisation createSchool(CurrentAccount admin, String code, String name, Long parentId, SchoolKind kind,
                                     Set<Stage> stages, Long registrationAuthorityId) {
        Organisation parent = scope.requireOrganisation(admin, parentId, "parentId");
        Long authority = registrationAuthorityId;
        if (authority != null) {
            scope.requireOrganisation(admin, authority, "registrationAuthorityId");
        } else if (kind == SchoolKind.COUNTY_SCHOOL
                || kind == SchoolKind.CITY_DIRECT && stages != null && stages.stream().anyMatch(Stage::isMiddleSchool)) {
            authority = parent.getId();
        }
        Organisation school = organisations.createSchool(code, name, parent.getId(), stages, kind, authority);
        audit("organisation.create-school", school, "新建学校：" + school.name() + "（" + kind.label() + "，"
                + stages.stream().sorted().map(Stage::label).collect(Collectors.joining("、")) + "，上级 " + parent.name()
                + "，学时登记机构 " + organisations.require(school.registrationAuthorityId(), "registrationAuthorityId").name()
                + "）");
        return school;
    }

    /** A city or county under an organisation of the scope; a province (no parent) only by the platform administrator. */
    public Organisation createRegion(CurrentAccount admin, String code, String name, OrganisationLevel level,
                                     Long parentId, String policyProfile) {
        Long parent = null;
        if (level == OrganisationLevel.PROVINCE) {
            if (!admin.isPlatformAdmin()) {
                throw BusinessRuleException.forbidden("R-02", "level", "admin.organisation.province-platform-only");
            }
        } else if (parentId != null) {
            parent = scope.requireOrganisation(admin, parentId, "parentId").getId();
        }
        String profile = policyProfile == null || policyProfile.isBlank() ? null : policyProfile.strip();
        Organisation region = organisations.createRegion(code, name, level, parent, profile);
        audit("organisation.create-region", region, "新建" + region.level().label() + "：" + region.name()
                + (profile == null ? "" : "，政策 " + profile));
        return region;
    }

    /**
     * Moves a county school to another county of the scope. Refused while any case of the school is running:
     * its reviews are checked against the routing of R-04 as it is now, which the move changes.
     */
    public Organisation moveSchool(CurrentAccount admin, Long schoolId, Long countyId) {
        Organisation school = scope.requireOrganisation(admin, schoolId, "schoolId");
        scope.requireOrganisation(admin, countyId, "countyId");
        String from = organisations.find(school.parentId()).map(Organisation::name).orElse("");
        List<OpenCases.OpenCase> running = openCases.of(school.getId());
        if (!running.isEmpty()) {
            throw BusinessRuleException.violation("R-04", "schoolId", "organisation.move.open-cases", school.name(),
                    running.size(), running.stream().limit(5).map(c -> c.processKey() + " " + c.caseId())
                            .collect(Collectors.joining("、")));
        }
        Organisation moved = organisations.moveSchool(school.getId(), countyId);
        audit("organisation.move-school", moved, "迁移学校：" + moved.name() + "，" + from + " → "
                + organisations.require(moved.parentId(), "countyId").name());
        return moved;
    }

    private void audit(String action, Organisation organisation, String detail) {
        events.publishEvent(new AuditedAction(action, "organisation", organisation.code(), detail, organisation.getId()));
    }
}
