package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ApiProblems;
import com.sudamall.chat.web.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * How the OpenAPI document says who may call what: a user's JWT on {@code /api/chat/**}, the platform's service key
 * on {@code /api/integration/**}, nobody on the dev login. The resolved {@link CurrentUser} of a handler is the
 * caller, not a parameter, and the {@code Authorization} header is the security scheme's.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String USER = "bearer";
    static final String PLATFORM = "service_key";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenApiCustomizer securityOfEveryOperation() {
        return api -> {
            api.getComponents()
                    .addSecuritySchemes(
                            USER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description("The platform's JWT of the user (dev mode: POST /api/auth/dev-login)"))
                    .addSecuritySchemes(
                            PLATFORM,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .description("The platform backend's service key (dev mode: dev-service-key)"));
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        hideAuthorizationHeader(operation);
                        if (path.startsWith("/api/auth/")) {
                            operation.setSecurity(List.of());
                            return;
                        }
                        String scheme = path.startsWith("/api/integration/") ? PLATFORM : USER;
                        operation.setSecurity(List.of(new SecurityRequirement().addList(scheme)));
                        ApiProblems.document(operation, List.of(ErrorCode.UNAUTHORIZED));
                    }));
        };
    }

    private static void hideAuthorizationHeader(Operation operation) {
        if (operation.getParameters() != null) {
            operation
                    .getParameters()
                    .removeIf(
                            p -> "header".equals(p.getIn()) && HttpHeaders.AUTHORIZATION.equalsIgnoreCase(p.getName()));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
    }
}
