package cn.shixun.security;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Beans of the {@code keycloak} profile besides {@link KeycloakSignIn}: the access-token decoder
 * for the APIs (the webapps' single sign-on, {@link WebappSingleSignOn}, serves every profile). Settings: {@code shixun.oidc.*}
 * in application.yml, from the environment (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
class KeycloakConfiguration {

    /**
     * Access tokens of our realm only: signed with one of its keys (fetched from the issuer's
     * JWKS, RS256), issued by it, current (expiry and not-before, with {@code clockSkew} for
     * clocks that differ), and meant for our API ({@code aud} contains {@code audience}, which an
     * ID token or a token for another client does not). The issuer is asked on first use, so the
     * application starts while Keycloak is still starting.
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${shixun.oidc.issuer}") String issuer,
                          @Value("${shixun.oidc.audience}") String audience,
                          @Value("${shixun.oidc.clock-skew}") Duration clockSkew) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(clockSkew),
                    new JwtIssuerValidator(issuer),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            audiences -> audiences != null && audiences.contains(audience))));
            return decoder;
        });
    }
}
