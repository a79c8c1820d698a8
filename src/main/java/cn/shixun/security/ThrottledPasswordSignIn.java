package cn.shixun.security;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The password check of the login form and HTTP Basic ({@link PasswordSignIn}), behind
 * {@link SignInThrottle}: a blocked name or address is refused before its password is looked at,
 * and every failure and success is counted. As the only {@link AuthenticationProvider} bean it is
 * the application's password check; Spring Boot builds none of its own beside it.
 */
@Component
@Profile("!keycloak")
class ThrottledPasswordSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledPasswordSignIn(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : SignInThrottle.currentAddress();
        throttle.refuseIfBlocked(username, address);
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException failure) {
            throttle.failed(username, address);
            throw failure;
        }
        throttle.succeeded(username);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
