package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees completion tables (managers, county / city / province reviewers, school
 * administrators) and of which organisations: their own and those under it, and the schools
 * whose registration authority they are. An organisation outside the scope answers like
 * one that does not exist (404), so that the figures of others reveal nothing.
 */
@Component
class CompletionScope {

    static final Set<Role> VIEWERS = EnumSet.of(Role.MANAGER, Role.COUNTY_REVIEWER, Role.CITY_REVIEWER,
            Role.PROVINCE_REVIEWER, Role.SCHOOL_ADMIN);

    private final CurrentAccounts accounts;
    private final AccessScope scope;
    private final Organisations organisations;

    CompletionScope(CurrentAccounts accounts, AccessScope scope, Organisations organisations) {
        this.accounts = accounts;
        this.scope = scope;
        this.organisations = organisations;
    }

    /** The signed-in viewer; 403 for a role that sees no completion tables. */
    CurrentAccount viewer() {
        CurrentAccount account = accounts.require();
        if (!VIEWERS.contains(account.role())) {
            throw new AccessDeniedException(account.username() + " (" + account.role() + ") sees no completion tables");
        }
        return account;
    }

    /** The organisation asked for (the viewer's own when none is), if within the viewer's scope; else 404. */
    Organisation organisation(CurrentAccount viewer, Long organisationId) {
        Long id = organisationId == null ? viewer.organisationId() : organisationId;
        return organisations.find(id).filter(o -> scope.covers(viewer, o.getId()))
                .orElseThrow(() -> BusinessRuleException.notFound("org", "completion.organisation-not-found", id));
    }

    /** A school within the viewer's scope; else 404. */
    Organisation school(CurrentAccount viewer, Long schoolId) {
        Organisation school = organisation(viewer, schoolId);
        if (!school.isSchool()) {
            throw BusinessRuleException.notFound("schoolId", "completion.school-not-found", schoolId);
        }
        return school;
    }

    /** Whether the viewer sees the organisation (the trail above a table links only to these). */
    boolean covers(CurrentAccount viewer, Organisation organisation) {
        return scope.covers(viewer, organisation.getId());
    }

    /** Whether the viewer takes year-end snapshots by hand (managers). */
    boolean takesSnapshots(CurrentAccount viewer) {
        return viewer.is(Role.MANAGER);
    }
}
