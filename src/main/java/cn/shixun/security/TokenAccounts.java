package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * How the claims of a Keycloak token relate to our accounts (ADR 0006): the token names the
 * account ({@code preferred_username}); its Shixun roles ({@code roles}) must be exactly the
 * account's role, and for every role but a teacher its {@code organisation_code} must be the
 * code of the account's organisation. A teacher's school comes from the teacher record (it
 * follows a transfer, R-37), so a teacher's token carries no organisation that could go stale.
 * Anything else is refused as a failed sign-in; the account directory stays the one source of
 * scope, and the token only has to agree with it.
 */
@Component
class TokenAccounts {

    static final String USERNAME = "preferred_username";
    static final String ROLES = "roles";
    static final String ORGANISATION_CODE = "organisation_code";

    private static final Logger log = LoggerFactory.getLogger(TokenAccounts.class);

    private final Accounts accounts;
    private final Organisations organisations;

    TokenAccounts(Accounts accounts, Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
    }

    /** The role as Keycloak names it: lower case with hyphens, as in candidate groups (ADR 0004). */
    static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The account the claims stand for.
     *
     * @throws BadCredentialsException when they name no enabled account or disagree with it
     */
    CurrentAccount account(String username, Collection<String> tokenRoles, String organisationCode) {
        if (username == null || username.isBlank()) {
            throw refused(username, "the token has no " + USERNAME);
        }
        CurrentAccount account = accounts.find(username)
                .orElseThrow(() -> refused(username, "no enabled account of that name"));
        Set<String> shixunRoles = shixunRoles(tokenRoles);
        if (!shixunRoles.equals(Set.of(roleName(account.role())))) {
            throw refused(username, "token roles " + shixunRoles + " are not the account's role " + roleName(account.role()));
        }
        if (account.isPlatformAdmin()) {
            // The platform's administrator names no organisation; a token that names one is not theirs.
            if (organisationCode != null) {
                throw refused(username, "token " + ORGANISATION_CODE + " " + organisationCode
                        + " names an organisation, the platform administrator has none");
            }
        } else if (!account.isTeacher()) {
            String accountCode = organisations.find(account.organisationId()).map(Organisation::code).orElse(null);
            if (accountCode == null || !accountCode.equals(organisationCode)) {
                throw refused(username, "token " + ORGANISATION_CODE + " " + organisationCode
                        + " is not the account's organisation " + accountCode);
            }
        }
        return account;
    }

    /** The Spring Security authorities of an account, the same as with a password sign-in. */
    static List<GrantedAuthority> authorities(CurrentAccount account) {
        return List.of(new SimpleGrantedAuthority(account.role().authority()));
    }

    /** Only the roles that are ours count; Keycloak adds its own (offline_access, default-roles-…). */
    private static Set<String> shixunRoles(Collection<String> tokenRoles) {
        Set<String> ours = java.util.Arrays.stream(Role.values()).map(TokenAccounts::roleName).collect(Collectors.toSet());
        return tokenRoles == null ? Set.of()
                : tokenRoles.stream().filter(Objects::nonNull).filter(ours::contains).collect(Collectors.toSet());
    }

    private static BadCredentialsException refused(String username, String reason) {
        log.warn("Token for '{}' refused: {}", username, reason);
        return new BadCredentialsException("token refused: " + reason);
    }
}
