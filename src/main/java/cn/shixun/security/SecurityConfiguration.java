package cn.shixun.security;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the JSON APIs (stateless, problem details on 401/403), the Camunda
 * webapps (which keep their own CSRF protection), and the pages (CSRF, logout by POST). How
 * people sign in on each is the {@link SignIn} of the active profile: HTTP Basic and our login
 * form by default, Keycloak (JWT and OIDC) with the {@code keycloak} profile (ADR 0006).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";
    /** Session attribute with the username of the last failed sign-in, so that only the password needs retyping. */
    static final String LAST_USERNAME = "shixun.lastUsername";

    private static final String[] PUBLIC_PATHS = {
        LOGIN_PAGE, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error"
    };
    /** Swagger UI and the API description: open in the demo, behind sign-in elsewhere ({@code shixun.api-docs.public}). */
    private static final String[] API_DOCS = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**"};

    /**
     * Matchers on the whole path inside the application. The engine REST API and the Camunda
     * webapps are served by servlets of their own (not the DispatcherServlet), which Spring MVC
     * aware matchers would not see as {@code /engine-rest/...} or {@code /camunda/...}.
     */
    /** API writes that only an authority (school admin, reviewer, administrator) may make. */
    private static final String[] AUTHORITY_WRITES = {
            "/api/teachers", "/api/teachers/*/transfers", "/api/teachers/*/leaving",
            "/api/teachers/*/ledger", "/api/teachers/*/legacy-hours", "/api/ledger/*/corrections"};

    private static RequestMatcher paths(String... patterns) {
        return matching(null, patterns);
    }

    private static RequestMatcher posts(String... patterns) {
        return matching(HttpMethod.POST, patterns);
    }

    /** Any of {@code patterns}, for {@code method} (null: every method). */
    private static RequestMatcher matching(HttpMethod method, String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(pattern -> builder.matcher(method, pattern))
                .toArray(RequestMatcher[]::new));
    }

    /** Signed in (an anonymous caller is no "non-teacher") and not a teacher. */
    private static AuthorizationManager<RequestAuthorizationContext> signedInButNotATeacher() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Role.TEACHER.authority())));
    }

    /** {@code {bcrypt}}-prefixed hashes, so that a later change of algorithm can upgrade them one by one. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, SecurityProblems problems, SignIn signIn) throws Exception {
        signIn.api(http);
        return http
                .securityMatcher(paths("/api/**", "/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests
                        // A teacher applies (exemptions) and previews, but never writes hours or staff
                        // records directly: registration is the authorities'.
                        .requestMatchers(posts(AUTHORITY_WRITES))
                        .access(signedInButNotATeacher())
                        // The engine's password check would let any signed-in account test guesses of
                        // another account's local password; nothing of ours or Camunda's webapps needs it.
                        .requestMatchers(paths("/engine-rest/identity/verify")).denyAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session, hence no cookie to forge a request with: CSRF protection has nothing to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * The engine REST API runs with the caller as the engine's authenticated user (ADR 0005).
     * A plain servlet filter after Spring Security's (whose order is -100), before the REST servlet.
     */
    @Bean
    FilterRegistrationBean<EngineRestAuthentication> engineRestAuthentication(CurrentAccounts currentAccounts,
            EngineDirectory directory, IdentityService identityService, SecurityProblems problems) {
        FilterRegistrationBean<EngineRestAuthentication> registration = new FilterRegistrationBean<>(
                new EngineRestAuthentication(currentAccounts, directory, identityService, problems), new ServletRegistrationBean<?>[0]);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(0);
        return registration;
    }

    /** A person signed in to Shixun opens the Camunda webapps without signing in again (ADR 0014). */
    @Bean
    FilterRegistrationBean<WebappSingleSignOn> camundaWebappSingleSignOn() {
        return WebappSingleSignOn.registration();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappChain(HttpSecurity http, SignIn signIn) throws Exception {
        signIn.camundaWebapps(http);
        return http
                .securityMatcher(paths("/camunda/**"))
                // The webapps send their own CSRF token (X-XSRF-TOKEN) checked by their own filter.
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, SignIn signIn,
                                  @Value("${shixun.api-docs.public:false}") boolean apiDocsPublic) throws Exception {
        signIn.pages(http);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths(PUBLIC_PATHS)).permitAll()
                        .requestMatchers(paths(API_DOCS)).access(apiDocsPublic
                                ? (authentication, context) -> new AuthorizationDecision(true)
                                : AuthenticatedAuthorizationManager.authenticated())
                        .anyRequest().authenticated())
                .headers(headers -> headers.addHeaderWriter(PageHeaders.contentSecurityPolicy()))
                .build();
    }
}
