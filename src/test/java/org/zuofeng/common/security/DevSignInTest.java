package org.zuofeng.common.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zuofeng.support.Contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dev mode's sign-in, with the service configured as {@code quarkus:dev} configures it: the dev issuer on the
 * service's own loopback address gives a dev user a token with one command, Swagger UI signs in with an
 * authorization code and PKCE, the API verifies those tokens like any provider's, and nobody off this machine is
 * served.
 */
@QuarkusTest
@TestProfile(DevSignInTest.AsInDevMode.class)
class DevSignInTest {

    /** A port of its own: the issuer's address is in the configuration, as dev mode's is. */
    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT + DevIssuerRoutes.BASE;
    private static final String REDIRECT = "http://localhost:" + PORT + "/q/swagger-ui/oauth2-redirect.html";

    /** The dev issuer and the OIDC settings of application.properties' dev profile, on the test port. */
    public static class AsInDevMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                    "zuofeng.dev-issuer.enabled", "true",
                    "zuofeng.dev-issuer.key-file", "target/dev-oidc-test/signing-key.jwk",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + PORT + DevIssuerRoutes.BASE,
                    "quarkus.oidc.token.issuer", ISSUER,
                    "quarkus.oidc.discovery-enabled", "false",
                    "quarkus.oidc.jwks-path", "keys",
                    "quarkus.oidc.jwks.resolve-early", "false");
        }
    }

    @Test
    void aDevUserGetsATokenWithOneCommandAndTheApiKnowsThem() {
        String token = passwordToken("officer");
        RestAssured.given().filter(Contract.STRICT).auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("officer"))
                .body("roles", hasItem("unit-officer"));
    }

    @Test
    void aDevTokenNamesTheApiAndTheIssuerAndLastsEightHours() {
        JsonPath claims = claims(passwordToken("hr"));
        assertEquals(ISSUER, claims.getString("iss"));
        assertEquals("zuofeng-api", claims.getString("aud"));
        assertEquals("hr", claims.getString("sub"));
        assertEquals(Duration.ofHours(8).toSeconds(), claims.getLong("exp") - claims.getLong("iat"));
    }

    @Test
    void swaggerUiSignsInWithAnAuthorizationCodeAndPkce() {
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        Map<String, String> ask = Map.of("response_type", "code", "client_id", "swagger-ui", "redirect_uri", REDIRECT,
                "state", "s1", "code_challenge", DevIssuer.s256(verifier), "code_challenge_method", "S256");
        RestAssured.given().queryParams(ask).get(DevIssuerRoutes.BASE + "/authorize").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("inspector"), containsString("officer"));
        String location = RestAssured.given().redirects().follow(false).queryParams(ask)
                .queryParam("user", "inspector").get(DevIssuerRoutes.BASE + "/authorize").then().statusCode(302)
                .header("Location", startsWith(REDIRECT + "?code=")).extract().header("Location");
        String query = URI.create(location).getRawQuery();
        assertTrue(query.endsWith("&state=s1"), query);
        String code = query.substring("code=".length(), query.indexOf('&'));

        exchange(code, REDIRECT, verifier + "x").statusCode(400).body("error", equalTo("invalid_grant"));
        exchange(code, "http://localhost:" + PORT + "/elsewhere", verifier).statusCode(400)
                .body("error", equalTo("invalid_grant"));
        String token = exchange(code, REDIRECT, verifier).statusCode(200).extract().path("access_token");
        RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("inspector"));
    }

    @Test
    void aCodeIsSentBackOnlyToThisMachine() {
        RestAssured.given().queryParams(Map.of("response_type", "code", "redirect_uri", "https://evil.example/cb",
                        "code_challenge", "x", "code_challenge_method", "S256", "user", "admin"))
                .redirects().follow(false).get(DevIssuerRoutes.BASE + "/authorize").then().statusCode(400);
    }

    @Test
    void anUnknownUserOrGrantIsRefusedAsOAuthSays() {
        token(Map.of("grant_type", "password", "username", "mallory")).statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("admin, commission, inspector, hr, officer"));
        token(Map.of("grant_type", "implicit")).statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void theIssuerPublishesItsKeysAndMetadata() {
        RestAssured.given().get(DevIssuerRoutes.BASE + "/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(ISSUER))
                .body("token_endpoint", equalTo(ISSUER + "/token"))
                .body("code_challenge_methods_supported", hasItem("S256"));
        RestAssured.given().get(DevIssuerRoutes.BASE + "/keys").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("d")));
    }

    @Test
    void onlyCallersOnThisMachineAreServed() {
        assertTrue(DevIssuerRoutes.fromThisMachine(SocketAddress.inetSocketAddress(40000, "127.0.0.1")));
        assertTrue(DevIssuerRoutes.fromThisMachine(SocketAddress.inetSocketAddress(40000, "::1")));
        assertFalse(DevIssuerRoutes.fromThisMachine(SocketAddress.inetSocketAddress(40000, "192.0.2.7")));
        assertFalse(DevIssuerRoutes.fromThisMachine(null));
    }

    @Test
    void theSigningKeyOutlivesARestartAndOnlyItsOwnerReadsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dev-oidc/signing-key.jwk");
        DevIssuer first = new DevIssuer(ISSUER, "zuofeng-api", Duration.ofHours(8), file, Clock.systemUTC());
        DevIssuer again = new DevIssuer(ISSUER, "zuofeng-api", Duration.ofHours(8), file, Clock.systemUTC());
        assertEquals(first.keys(), again.keys());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private static String passwordToken(String user) {
        return token(Map.of("grant_type", "password", "username", user, "password", "any")).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(28_800))
                .extract().path("access_token");
    }

    private static io.restassured.response.ValidatableResponse exchange(String code, String redirect,
            String verifier) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect,
                "code_verifier", verifier, "client_id", "swagger-ui"));
    }

    private static io.restassured.response.ValidatableResponse token(Map<String, String> form) {
        return RestAssured.given().contentType(ContentType.URLENC).formParams(form)
                .post(DevIssuerRoutes.BASE + "/token").then();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
