package cn.shixun.admin;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who administers what, read from our records on every call: a system administrator administers the
 * organisations at or below their own (the tree, R-02), the platform administrator every organisation.
 * Anything outside answers exactly like something that does not exist (404), as elsewhere.
 */
@Component
public class AdminScope {

    private final CurrentAccounts currentAccounts;
    private final Organisations organisations;

    AdminScope(CurrentAccounts currentAccounts, Organisations organisations) {
        this.currentAccounts = currentAccounts;
        this.organisations = organisations;
    }

    /** The signed-in system administrator; anyone else gets 403. */
    public CurrentAccount requireAdmin() {
        CurrentAccount account = currentAccounts.require();
        if (!account.is(Role.SYSTEM_ADMIN)) {
            throw new AccessDeniedException(account.username() + " is no system administrator");
        }
        return account;
    }

    /** Whether {@code admin} administers organisation {@code organisationId}; false for unknown ids. */
    public boolean administers(CurrentAccount admin, Long organisationId) {
        if (admin.isPlatformAdmin()) {
            return organisations.find(organisationId).isPresent();
        }
        return organisations.isWithin(organisationId, admin.organisationId());
    }

    /** The organisation, or the same 404 refusal (naming {@code field}) whether it is unknown or outside the scope. */
    public Organisation requireOrganisation(CurrentAccount admin, Long organisationId, String field) {
        if (organisationId == null || !administers(admin, organisationId)) {
            throw BusinessRuleException.notFound(field, "organisation.not-found", organisationId);
        }
        return organisations.require(organisationId, field);
    }

    /** Where the administrator's tree starts: their organisation, null (everything) for the platform administrator. */
    Long root(CurrentAccount admin) {
        return admin.isPlatformAdmin() ? null : admin.organisationId();
    }
}
