package org.zuofeng.common;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Tokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The API accepts only tokens issued for it, by its provider, to someone: signed (RS/ES/PS) with one of the
 * provider's keys, from the configured issuer, with {@code zuofeng-api} among their audiences, a subject, and within
 * their lifetime. Everything else is a 401 problem, decided here without asking the provider.
 */
@QuarkusTest
class TokenTest {

    private static final String AUDIENCE = "The token is not issued for this API (audience)";
    private static final String UNVERIFIABLE = "The token cannot be verified";

    @OidcWireMock
    WireMockServer provider;

    @Test
    void aTokenIssuedForTheApiGetsIn() {
        Api.as("hr-1", "hr").get("/api/v1/me").then().statusCode(200).body("subject", equalTo("hr-1"));
        accepted(claims().audience(Set.of("zuofeng-console", Tokens.AUDIENCE)).jws().keyId("1")
                .sign("privateKey.jwk"));
    }

    @Test
    void aRequestWithoutATokenIsAskedForOneAndToldNothingMore() {
        RestAssured.given().filter(Contract.STRICT).accept(ContentType.JSON).get("/api/v1/me").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("detail", equalTo("Send a valid bearer token in the Authorization header"));
    }

    @Test
    void aTokenIssuedForAnotherClientIsA401() {
        refused(claims().audience("some-other-client").jws().keyId("1").sign("privateKey.jwk"), AUDIENCE);
        refused(claims().audience(Set.of("account", "zuofeng-console")).jws().keyId("1").sign("privateKey.jwk"),
                AUDIENCE);
    }

    @Test
    void aTokenWithoutAudienceIsA401() {
        refused(Jwt.subject("hr-1").groups(Set.of("hr")).issuer(Tokens.ISSUER)
                .expiresAt(Instant.now().plusSeconds(600)).jws().keyId("1").sign("privateKey.jwk"), AUDIENCE);
    }

    @Test
    void aTokenWithoutSubjectIsA401() {
        refused(Jwt.claims().groups(Set.of("hr")).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .preferredUserName("hr-1").expiresAt(Instant.now().plusSeconds(600)).jws().keyId("1")
                .sign("privateKey.jwk"), "The token names no subject");
    }

    @Test
    void aTokenFromAnotherIssuerIsA401() {
        refused(claims().issuer("https://sso.evil.example/realms/zuofeng").jws().keyId("1").sign("privateKey.jwk"),
                "The token is issued by another issuer");
    }

    @Test
    void anExpiredTokenIsA401() {
        refused(Tokens.expired("hr-1", "hr"), "The token expired");
        RestAssured.given().filter(Contract.STRICT).auth().oauth2(Tokens.expired("hr-1", "hr"))
                .accept(ContentType.JSON).header("Accept-Language", "zh-CN")
                .get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\", error_description=\"The token "
                        + "expired\""))
                .body("detail", equalTo("令牌已过期"));
    }

    @Test
    void aTokenNotValidYetIsA401() {
        refused(claims().expiresAt(Instant.now().plusSeconds(7200))
                .claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond()).jws().keyId("1")
                .sign("privateKey.jwk"), "The token is not valid yet");
    }

    @Test
    void anUnsignedTokenIsA401() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String payload = payload("admin");
        for (String header : List.of("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"none\",\"kid\":\"1\"}")) {
            refused(url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".");
        }
    }

    @Test
    void anHmacTokenKeyedWithTheProvidersPublicKeyIsA401() throws Exception {
        PublicKey published;
        try (var jwk = TokenTest.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            published = PublicJsonWebKey.Factory.newPublicJwk(new String(jwk.readAllBytes(), StandardCharsets.UTF_8))
                    .getPublicKey();
        }
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(published.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(published.getEncoded(), pem.getBytes(StandardCharsets.US_ASCII))) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(payload("hr"));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKeyIdHeaderValue("1");
            jws.setKey(new HmacKey(secret));
            jws.setDoKeyValidation(false);
            refused(jws.getCompactSerialization());
        }
    }

    @Test
    void aTokenWithABadSignatureIsA401() throws Exception {
        String[] parts = Tokens.token("hr-1", "hr").split("\\.");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(payload("admin")
                .getBytes(StandardCharsets.UTF_8));
        refused(parts[0] + "." + admin + "." + parts[2]);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(claims().jws().keyId("1").sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void anOpaqueTokenIsA401AndNeverSentToTheProvider() {
        provider.resetRequests();
        for (String opaque : List.of("alice", "not-a-jwt", "a.b.c")) {
            refused(opaque);
        }
        refused(claims().audience("some-other-client").jws().keyId("1").sign("privateKey.jwk"), AUDIENCE);
        assertEquals(List.of(), provider.findAll(anyRequestedFor(urlMatching(".*(introspect|userinfo|token).*"))),
                "the provider is not asked about strangers' tokens");
    }

    /** A valid token's claims, for a test to spoil. */
    private static JwtClaimsBuilder claims() {
        return Jwt.subject("hr-1").groups(Set.of("hr")).issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .expiresAt(Instant.now().plusSeconds(600));
    }

    /** The claims of a valid token for a member of {@code group}, as the JSON a JWS signs. */
    private static String payload(String group) {
        return "{\"sub\":\"hr-1\",\"groups\":[\"" + group + "\"],\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\""
                + Tokens.AUDIENCE + "\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond() + "}";
    }

    /** Refused as one that cannot be verified: nothing more is said of a forged or malformed token. */
    private static void refused(String token) {
        refused(token, UNVERIFIABLE);
    }

    /** Refused with RFC 6750's invalid_token and the reason, in the challenge and as the problem's detail. */
    private static void refused(String token, String why) {
        RestAssured.given().filter(Contract.STRICT).auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\", error_description=\"" + why
                        + "\""))
                .body("code", equalTo("UNAUTHORIZED"))
                .body("detail", equalTo(why));
    }

    private static void accepted(String token) {
        RestAssured.given().filter(Contract.STRICT).auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/v1/me").then().statusCode(200);
    }
}
