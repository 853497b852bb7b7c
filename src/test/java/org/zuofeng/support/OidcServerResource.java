package org.zuofeng.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * The test OIDC issuer (Quarkus' WireMock-based server: discovery document and JWKS), configured into the
 * application through the standard {@code quarkus.oidc.*} properties, exactly as a production issuer would be.
 */
public class OidcServerResource extends OidcWiremockTestResource {

    private static volatile String authServerUrl;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        authServerUrl = config.get("keycloak.url") + "/realms/quarkus/";
        config.put("quarkus.oidc.auth-server-url", authServerUrl);
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        return config;
    }

    /** The issuer's URL, for a test that starts another instance of the application itself. */
    public static String authServerUrl() {
        return authServerUrl;
    }
}
