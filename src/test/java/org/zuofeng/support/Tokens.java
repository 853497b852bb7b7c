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

    private Tokens() {
    }

    public static String token(String subject, String... roles) {
        return Jwt.subject(subject)
                .preferredUserName(subject)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .audience(ISSUER)
                .expiresAt(Instant.now().plusSeconds(3600))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A correctly signed token that expired an hour ago: must be refused. */
    public static String expired(String subject, String... roles) {
        return Jwt.subject(subject)
                .groups(Set.of(roles))
                .issuer(ISSUER)
                .audience(ISSUER)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
