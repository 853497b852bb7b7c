package org.zuofeng.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bearer token is verified once in its life on a replica, then answered from what that verification gave; never
 * past its {@code exp}, never for a token that failed, and never across a rotation of the provider's keys.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Test
    void aVerifiedTokenIsCheckedOnceInItsLife() {
        String token = claims(Instant.now().plusSeconds(600)).jws().keyId("1").sign("privateKey.jwk");
        long misses = verified.stats().missCount();
        long hits = verified.stats().hitCount();
        for (int i = 0; i < 3; i++) {
            me(token, 200).body("subject", equalTo("hr-1")).body("roles", equalTo(List.of("hr")));
        }
        assertEquals(1, verified.stats().missCount() - misses, "verified by the provider once");
        assertEquals(2, verified.stats().hitCount() - hits, "then answered from what it gave");
    }

    @Test
    void aKeptTokenPastItsExpIsA401() throws InterruptedException {
        Instant exp = Instant.now().plusSeconds(2);
        String token = claims(exp).jws().keyId("1").sign("privateKey.jwk");
        me(token, 200);
        me(token, 200);
        Thread.sleep(Duration.between(Instant.now(), Instant.ofEpochSecond(exp.getEpochSecond() + 1)).toMillis());
        me(token, 401);
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        String token = claims(Instant.now().plusSeconds(600)).audience("some-other-client").jws().keyId("1")
                .sign("privateKey.jwk");
        me(token, 401);
        me(token, 401);
        assertTrue(verified.identityOf(token).isEmpty());
    }

    @Test
    void aKeyNotSeenBeforeForgetsEveryKeptToken() {
        VerifiedTokens tokens = new VerifiedTokens(config(Duration.ofMinutes(10)), new ObjectMapper());
        Instant exp = Instant.now().plusSeconds(600);
        tokens.keep(jws("old", "a"), identity("a"), exp);
        tokens.keep(jws("old", "b"), identity("b"), exp);
        assertTrue(tokens.identityOf(jws("old", "a")).isPresent());

        tokens.keep(jws("new", "c"), identity("c"), exp);
        assertTrue(tokens.identityOf(jws("old", "a")).isEmpty(), "verified again against the new keys");
        assertTrue(tokens.identityOf(jws("old", "b")).isEmpty());
        assertTrue(tokens.identityOf(jws("new", "c")).isPresent());
    }

    @Test
    void aTokenIsKeptNoLongerThanConfiguredNorWhenTheCacheIsOff() throws InterruptedException {
        VerifiedTokens brief = new VerifiedTokens(config(Duration.ofMillis(200)), new ObjectMapper());
        brief.keep(jws("k", "a"), identity("a"), Instant.now().plusSeconds(600));
        assertTrue(brief.identityOf(jws("k", "a")).isPresent());
        Thread.sleep(400);
        assertTrue(brief.identityOf(jws("k", "a")).isEmpty());

        VerifiedTokens off = new VerifiedTokens(config(Duration.ZERO), new ObjectMapper());
        off.keep(jws("k", "a"), identity("a"), Instant.now().plusSeconds(600));
        assertTrue(off.identityOf(jws("k", "a")).isEmpty());
    }

    private static JwtClaimsBuilder claims(Instant exp) {
        return Jwt.subject("hr-1").groups(Set.of("hr")).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .expiresAt(exp);
    }

    private static ValidatableResponse me(String token, int status) {
        return RestAssured.given().filter(Contract.STRICT).auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/v1/me").then().statusCode(status);
    }

    /** A compact JWS's shape with the given key id; these tests never verify it. */
    private static String jws(String keyId, String subject) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    private static SecurityIdentity identity(String subject) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(subject)).build();
    }

    private static TokensConfig config(Duration cacheFor) {
        return new TokensConfig() {
            @Override
            public Duration cacheFor() {
                return cacheFor;
            }

            @Override
            public long cacheSize() {
                return 100;
            }
        };
    }
}
