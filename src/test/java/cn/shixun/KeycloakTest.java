package cn.shixun;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code keycloak} profile against the private Keycloak that {@code scripts/keycloak.sh start}
 * runs for the integration tests (Maven does that before failsafe; it writes
 * {@code target/keycloak/it.properties}). Put it beside
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "shixun.demo-data.enabled=true")},
 * or on a subclass of {@link BrowserTestSupport}, which declares exactly that: both then share one
 * Spring context. Expired tokens are refused one second after their expiry (clock skew 1 s)
 * so that a test need not wait the production tolerance. Tokens: {@link KeycloakTestRealm}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles("keycloak")
@TestPropertySource(locations = "file:" + KeycloakTestRealm.PROPERTIES, properties = {
        "shixun.oidc.issuer=${shixun.it.keycloak.issuer}",
        "shixun.oidc.client-secret=${shixun.it.keycloak.client-secret}",
        "shixun.oidc.clock-skew=1s"})
public @interface KeycloakTest {
}
