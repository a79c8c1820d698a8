package cn.shixun.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How a person proves who they are, per filter chain: local passwords ({@link PasswordSignIn},
 * the default) or Keycloak ({@link KeycloakSignIn}, profile {@code keycloak}). What an account may
 * do once signed in is decided by {@link SecurityConfiguration}'s chains, the same for both.
 */
interface SignIn {

    /** Authentication of the stateless JSON APIs ({@code /api/**}, {@code /engine-rest/**}). */
    void api(HttpSecurity http) throws Exception;

    /** Sign-in and sign-out of the pages. */
    void pages(HttpSecurity http) throws Exception;

    /** Who may open the Camunda webapps ({@code /camunda/**}) and how they sign in there. */
    void camundaWebapps(HttpSecurity http) throws Exception;

    /** Where the login page sends a person to sign in elsewhere (single sign-on), or null for our own form. */
    default String singleSignOnPath() {
        return null;
    }
}
