package cn.shixun.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells API clients (and Swagger UI's "Authorize" button) how the API authenticates: HTTP Basic
 * with local accounts, or a Keycloak access token (bearer JWT) with the {@code keycloak} profile.
 */
@Component
class OpenApiSecurity implements OpenApiCustomizer {

    static final String SCHEME = "basicAuth";
    static final String BEARER_SCHEME = "bearerAuth";

    private final boolean bearerTokens;

    OpenApiSecurity(Environment environment) {
        this.bearerTokens = environment.matchesProfiles("keycloak");
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        if (bearerTokens) {
            openApi.getComponents().addSecuritySchemes(BEARER_SCHEME,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                            .description("统一身份认证（Keycloak）签发的访问令牌 / an access token from the single sign-on (Keycloak)"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
            return;
        }
        openApi.getComponents().addSecuritySchemes(SCHEME,
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("本系统账号的用户名和密码 / username and password of a Shixun account"));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
