package cn.shixun.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Tells API clients (and Swagger UI's "Authorize" button) that the API takes HTTP Basic. */
@Component
class OpenApiSecurity implements OpenApiCustomizer {

    static final String SCHEME = "basicAuth";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME,
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("本系统账号的用户名和密码 / username and password of a Shixun account"));
        openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
