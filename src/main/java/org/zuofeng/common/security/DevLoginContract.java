package org.zuofeng.common.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * In {@code quarkus:dev} only, the contract served to Swagger UI describes the dev issuer's sign-in
 * ({@link DevIssuerRoutes}) instead of the placeholder provider: the {@code oidc} scheme becomes an authorization-code
 * flow with PKCE at its {@code authorize} and {@code token} endpoints, on the service's own origin. In tests and
 * production the contract is served as written.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class DevLoginContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || openAPI.getComponents() == null
                || openAPI.getComponents().getSecuritySchemes() == null
                || !openAPI.getComponents().getSecuritySchemes().containsKey("oidc")) {
            return;
        }
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.token.issuer", String.class);
        SecurityScheme scheme = openAPI.getComponents().getSecuritySchemes().get("oidc");
        scheme.setType(SecurityScheme.Type.OAUTH2);
        scheme.setOpenIdConnectUrl(null);
        scheme.setDescription("Dev mode: sign in at the dev issuer as one of its users ("
                + String.join(", ", DevIssuer.USERS.keySet()) + ").");
        scheme.setFlows(OASFactory.createOAuthFlows().authorizationCode(OASFactory.createOAuthFlow()
                .authorizationUrl(issuer + "/authorize").tokenUrl(issuer + "/token")
                .scopes(java.util.Map.of("openid", "sign in"))));
    }
}
