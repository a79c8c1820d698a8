package cn.shixun.security;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who is signed in on this request. Only the principal's name is taken from Spring Security;
 * role and organisation come from the account directory, read afresh on every call, so a
 * teacher's scope follows a transfer without signing in again, and a different sign-in
 * mechanism (OIDC) only has to yield the same username.
 */
@Service
public class CurrentAccounts {

    private final Accounts accounts;

    CurrentAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in account, or empty for an anonymous request or an unknown/disabled account. */
    public Optional<CurrentAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return accounts.find(authentication.getName());
    }

    /** The signed-in account; an anonymous caller gets a 401 through the security filter chain. */
    public CurrentAccount require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no signed-in account"));
    }
}
