package cn.shixun.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * One sign-in for Shixun and the Camunda webapps (issue 14, ADR 0014): Camunda's container-based
 * authentication takes the webapp user from the servlet principal, which Spring Security sets from the
 * session a person signed in to Shixun with (our login form, or Keycloak's OIDC), and reads the user's
 * groups through our identity provider (ADR 0004), so the engine's authorizations (ADR 0005) apply as
 * after the webapps' own login. A request without a Shixun sign-in goes on to the webapp untouched: with
 * passwords its own login form stays (checked against the same accounts and throttled), with Keycloak
 * the filter chain has sent it to sign in already.
 */
class WebappSingleSignOn extends ContainerBasedAuthenticationFilter {

    /** Right after Spring Security's filter, before the webapps' own authentication filter. */
    static FilterRegistrationBean<WebappSingleSignOn> registration() {
        FilterRegistrationBean<WebappSingleSignOn> registration = new FilterRegistrationBean<>(new WebappSingleSignOn());
        registration.setName("camundaWebappSingleSignOn");
        registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (((HttpServletRequest) request).getUserPrincipal() == null) {
            // Camunda's filter would answer 401 here; the webapp's own login is the way in instead.
            chain.doFilter(request, response);
            return;
        }
        super.doFilter(request, response, chain);
    }
}
