package org.zuofeng.support;

import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.Set;

/**
 * Real signed bearer tokens from the test OIDC server's key: the application verifies them against the server's
 * JWKS exactly as it would verify a Keycloak token.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** The API's own client id, which every token it accepts names in {@code aud}. */
    public static final String AUDIENCE = "zuofeng-api";

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .expiresAt(Instant.now().plusSeconds(3600))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A correctly signed token that expired an hour ago: must be refused. */
    public static String expired(String subject, String... roles) {
        return Jwt.subject(subject)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
