package org.zuofeng.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Dev mode's token issuer ({@link DevIssuerRoutes}); a production build has none. */
@ConfigMapping(prefix = "zuofeng.dev-issuer")
public interface DevIssuerConfig {

    /** Whether the service issues dev tokens itself (on in dev mode). */
    @WithDefault("false")
    boolean enabled();

    /** How long a dev token lasts. */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    /** Where the signing key is kept, so that tokens outlive a restart ({@code ./mvnw clean} forgets it). */
    @WithDefault("target/dev-oidc/signing-key.jwk")
    String keyFile();
}
