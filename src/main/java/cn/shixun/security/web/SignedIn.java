package cn.shixun.security.web;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import org.springframework.stereotype.Component;

/**
 * What the page header shows about the signed-in person. Templates call it as
 * {@code ${@signedIn.person()}}, so that no controller has to put it in its model.
 */
@Component("signedIn")
public class SignedIn {

    private final CurrentAccounts currentAccounts;
    private final Organisations organisations;

    SignedIn(CurrentAccounts currentAccounts, Organisations organisations) {
        this.currentAccounts = currentAccounts;
        this.organisations = organisations;
    }

    /** The signed-in person, or null on public pages. */
    public Person person() {
        return currentAccounts.current()
                .map(account -> new Person(account.displayName(), account.role(), account.isPlatformAdmin() ? null
                        : organisations.find(account.organisationId()).map(Organisation::name).orElse("")))
                .orElse(null);
    }

    /** The header's view of an account: name, role and the organisation it is scoped to (null: the whole platform). */
    public record Person(String displayName, Role role, String organisationName) {
    }
}
