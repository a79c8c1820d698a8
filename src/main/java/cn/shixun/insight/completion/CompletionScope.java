package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
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
    private final Clock clock;

    CompletionScope(CurrentAccounts accounts, AccessScope scope, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.scope = scope;
        this.organisations = organisations;
    }

    /** What a table request asks for, checked: the viewer, the organisation in scope, the year and basis. */
    record Request(CurrentAccount viewer, Organisation organisation, CompletionView view) {

        /** Whether the organisation is the viewer's own: its table adds the schools it registers elsewhere. */
        boolean own() {
            return organisation.getId().equals(viewer.organisationId());
        }
    }

    /** The checked request for the table of {@code organisationId} (the viewer's own when null): 403, 404 or 400 otherwise. */
    Request request(Long organisationId, String year, String basis) {
        CurrentAccount viewer = viewer();
        Organisation organisation = organisation(viewer, organisationId);
        return new Request(viewer, organisation, CompletionView.of(year, basis, LocalDate.now(clock)));
    }

    /** The checked request for school {@code schoolId}'s own result: 403, 404 (not a school in scope) or 400 otherwise. */
    Request schoolRequest(Long schoolId, String year, String basis) {
        CurrentAccount viewer = viewer();
        Organisation school = school(viewer, schoolId);
        return new Request(viewer, school, CompletionView.of(year, basis, LocalDate.now(clock)));
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
