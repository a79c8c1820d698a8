package cn.shixun.security;

import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;

/** What {@link SignInThrottle} needs around it: the webapp login's filter, and its refusals as failure events. */
@Configuration(proxyBeanMethods = false)
class SignInThrottleConfiguration {

    /**
     * Spring Security's usual failure events, plus one for a blocked sign-in (its publisher maps
     * exceptions by exact class), so that the audit records blocked attempts like the other failures.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(SignInBlockedException.class, AuthenticationFailureLockedEvent.class));
        return publisher;
    }

    /** After Spring Security's filters (order -100), before the webapps' servlets. */
    @Bean
    FilterRegistrationBean<WebappSignInThrottle> webappSignInThrottle(SignInThrottle throttle, SecurityProblems problems,
            ApplicationEventPublisher events) {
        FilterRegistrationBean<WebappSignInThrottle> registration = new FilterRegistrationBean<>(
                new WebappSignInThrottle(throttle, problems, events), new ServletRegistrationBean<?>[0]);
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(0);
        return registration;
    }
}
