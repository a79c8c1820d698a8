package cn.shixun.cycleverification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * a certificate must be verifiable by a third party who has no account. Only
 * {@code GET /verify} is opened, in a chain of its own ahead of the application's chains, so
 * that the security module's rules stay as they are for everything else.
 */
@Configuration(proxyBeanMethods = false)
class PublicVerificationSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain certificateVerificationChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET,
                        CertificatePages.VERIFY_PATH))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
