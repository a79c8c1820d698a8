package cn.shixun.admin;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.Accounts.AccountSummary;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as a system administrator keeps them (docs/administration.md): list and search within the
 * scope, open, disable and enable, reset the password, change role and organisation. Every step checks
 * the scope first ({@link AdminScope}: an account or organisation outside it is a 404), then the rules of
 * {@link Accounts}, and is audited in the same transaction, so a refusal changes and records nothing.
 */
@Service
@Transactional
public class AccountAdministration {

    static final int PAGE_SIZE = 20;

    private final Accounts accounts;
    private final AdminScope scope;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    AccountAdministration(Accounts accounts, AdminScope scope, Organisations organisations,
                          ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.scope = scope;
        this.organisations = organisations;
        this.events = events;
    }

    /** An account and the name of its organisation (null for the platform administrator). */
    public record AccountRow(AccountSummary account, String organisationName) {
    }

    /** A password shown once to the administrator who opened or reset the account. */
    public record Handover(String username, String oneTimePassword) {
    }

    @Transactional(readOnly = true)
    public Page<AccountRow> search(CurrentAccount admin, String text, int page) {
        Long root = scope.root(admin);
        String prefix = root == null ? null : organisations.require(root, "organisationId").path();
        return accounts.search(prefix, text, Math.max(page, 0), PAGE_SIZE).map(this::row);
    }

    /** One account of the scope, or 404. */
    @Transactional(readOnly = true)
    public AccountRow require(CurrentAccount admin, String username) {
        return row(requireInScope(admin, username));
    }

    /**
     * Opens an account for any role but teacher at an organisation of the scope; with no organisation, a
     * platform administrator, which only the platform administrator may open.
     */
    public Handover open(CurrentAccount admin, String username, String displayName, Role role, Long organisationId) {
        Long organisation = checkedOrganisation(admin, role, organisationId);
        String password = OneTimePasswords.next();
        CurrentAccount opened = accounts.openAccount(username, password, displayName, role, organisation);
        audit("account.open", opened.username(), "开通账号：" + opened.displayName() + "，" + role.label() + "，"
                + where(organisation), organisation);
        return new Handover(opened.username(), password);
    }

    public void disable(CurrentAccount admin, String username) {
        AccountSummary account = requireInScope(admin, username);
        if (account.username().equals(admin.username())) {
            throw BusinessRuleException.violation(null, "username", "admin.account.not-yourself");
        }
        accounts.disable(username);
        audit("account.disable", username, "停用账号：" + account.displayName(), account.organisationId());
    }

    public void enable(CurrentAccount admin, String username) {
        AccountSummary account = requireInScope(admin, username);
        accounts.enable(username);
        audit("account.enable", username, "启用账号：" + account.displayName(), account.organisationId());
    }

    /** A new one-time password for the account; the old one stops working at once. */
    public Handover resetPassword(CurrentAccount admin, String username) {
        AccountSummary account = requireInScope(admin, username);
        String password = OneTimePasswords.next();
        accounts.resetPassword(username, password);
        audit("account.reset-password", username, "重置密码：" + account.displayName(), account.organisationId());
        return new Handover(username, password);
    }

    public void reassign(CurrentAccount admin, String username, Role role, Long organisationId) {
        AccountSummary before = requireInScope(admin, username);
        if (before.username().equals(admin.username())) {
            throw BusinessRuleException.violation(null, "username", "admin.account.not-yourself");
        }
        Long organisation = checkedOrganisation(admin, role, organisationId);
        AccountSummary after = accounts.reassign(username, role, organisation);
        audit("account.reassign", username, "变更角色和机构：" + before.role().label() + "，" + where(before.organisationId())
                + " → " + after.role().label() + "，" + where(organisation), organisation);
    }

    private Long checkedOrganisation(CurrentAccount admin, Role role, Long organisationId) {
        if (organisationId == null) {
            if (role == Role.SYSTEM_ADMIN && admin.isPlatformAdmin()) {
                return null;
            }
            throw BusinessRuleException.violation("R-02", "organisationId", "admin.account.organisation-required");
        }
        return scope.requireOrganisation(admin, organisationId, "organisationId").getId();
    }

    private AccountSummary requireInScope(CurrentAccount admin, String username) {
        return accounts.summary(username).filter(account -> covers(admin, account))
                .orElseThrow(() -> BusinessRuleException.notFound("username", "account.not-found", username));
    }

    /** A platform administrator's account (no organisation) lies only in the platform administrator's scope. */
    private boolean covers(CurrentAccount admin, AccountSummary account) {
        return account.organisationId() == null ? admin.isPlatformAdmin() : scope.administers(admin, account.organisationId());
    }

    private AccountRow row(AccountSummary account) {
        return new AccountRow(account, account.organisationId() == null ? null
                : organisations.find(account.organisationId()).map(Organisation::name).orElse(null));
    }

    private String where(Long organisationId) {
        return organisationId == null ? "全平台" : organisations.find(organisationId).map(Organisation::name).orElse("");
    }

    private void audit(String action, String username, String detail, Long organisationId) {
        events.publishEvent(new AuditedAction(action, "account", username, detail, organisationId));
    }
}
