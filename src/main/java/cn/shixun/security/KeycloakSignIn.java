package cn.shixun.security;

import java.util.Arrays;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Keycloak (profile {@code keycloak}, ADR 0006): the APIs take its access tokens (JWT: issuer,
 * signature, expiry and our audience checked by {@link KeycloakConfiguration#jwtDecoder}), the
 * pages sign in through its login page (OIDC authorization code with PKCE) and sign out there
 * too, and the Camunda webapps open to the roles that have one (ADR 0005), signed in that way. Either
 * way the token's claims must agree with one of our accounts ({@link TokenAccounts}), and the
 * principal's name is the account's username, so {@link CurrentAccounts} and every scope check
 * work as with a password.
 */
@Component
@Profile("keycloak")
class KeycloakSignIn implements SignIn {

    /** The client registration in {@code spring.security.oauth2.client.registration}. */
    static final String REGISTRATION = "keycloak";
    /** Starts the authorization code flow: Spring Security redirects to Keycloak's login page. */
    static final String AUTHORIZATION_PATH =
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION;

    /** The Camunda webapps' own login form (user and password against our accounts), closed under Keycloak. */
    static final String PASSWORD_LOGIN = "/camunda/api/admin/auth/user/*/login/**";

    private final TokenAccounts tokenAccounts;
    private final ClientRegistrationRepository clients;
    private final SecurityProblems problems;
    private final OidcUserService oidcUsers = new OidcUserService();

    KeycloakSignIn(TokenAccounts tokenAccounts, ClientRegistrationRepository clients, SecurityProblems problems) {
        this.tokenAccounts = tokenAccounts;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    public void api(HttpSecurity http) throws Exception {
        // A refused token is a 401 problem like every other on the API.
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(this::authenticate))
                .authenticationEntryPoint(problems));
    }

    @Override
    public void pages(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(clients,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(clients);
        signedOut.setPostLogoutRedirectUri("{baseUrl}" + SecurityConfiguration.LOGIN_PAGE + "?logout");
        http.oauth2Login(login -> login
                        // Straight to Keycloak: our login page only says why a sign-in failed or that one signed out.
                        .loginPage(AUTHORIZATION_PATH)
                        .failureUrl(SecurityConfiguration.LOGIN_PAGE + "?error")
                        .defaultSuccessUrl("/", false)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::signIn)))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(signedOut));
    }

    /**
     * The webapps see the signed-in account through the servlet principal (see
     * {@link WebappSingleSignOn}). Here only who may open any webapp
     * at all: teachers and managers get our 403 page. Which webapp each role opens, and what it
     * sees there, is the engine's authorization (ADR 0005), the same grants as with passwords.
     * The webapps' own password login is closed: local passwords do nothing under Keycloak.
     */
    @Override
    public void camundaWebapps(HttpSecurity http) throws Exception {
        String[] webappRoles = Arrays.stream(Role.values()).filter(Role::usesCamundaWebapps).map(Role::name)
                .toArray(String[]::new);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PASSWORD_LOGIN))
                        .denyAll()
                        .anyRequest().hasAnyRole(webappRoles))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(AUTHORIZATION_PATH)));
    }

    @Override
    public String singleSignOnPath() {
        return AUTHORIZATION_PATH;
    }

    private JwtAuthenticationToken authenticate(Jwt jwt) {
        CurrentAccount account = tokenAccounts.account(jwt.getClaimAsString(TokenAccounts.USERNAME),
                jwt.getClaimAsStringList(TokenAccounts.ROLES), jwt.getClaimAsString(TokenAccounts.ORGANISATION_CODE));
        return new JwtAuthenticationToken(jwt, TokenAccounts.authorities(account), account.username());
    }

    private OidcUser signIn(OidcUserRequest request) {
        OidcUser user = oidcUsers.loadUser(request);
        CurrentAccount account;
        try {
            account = tokenAccounts.account(user.getPreferredUsername(), user.getClaimAsStringList(TokenAccounts.ROLES),
                    user.getClaimAsString(TokenAccounts.ORGANISATION_CODE));
        } catch (BadCredentialsException refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED), refused.getMessage(),
                    refused);
        }
        return new DefaultOidcUser(TokenAccounts.authorities(account), user.getIdToken(), user.getUserInfo(),
                TokenAccounts.USERNAME);
    }
}
