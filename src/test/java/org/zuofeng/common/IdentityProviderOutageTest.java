package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Eventually;
import org.zuofeng.support.StandInProvider;

import java.time.Duration;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When the OIDC provider cannot be reached before its keys were fetched, no token can be checked: the API says so
 * (503 with Retry-After, never a 500), readiness reports it, and both recover by themselves once it is back.
 */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.ProviderDownAtStart.class)
class IdentityProviderOutageTest {

    static final StandInProvider PROVIDER = StandInProvider.onFreePort();

    /** The application starts while the provider is away. */
    public static class ProviderDownAtStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", PROVIDER.authServerUrl(),
                    "quarkus.oidc.connection-timeout", "PT2S");
        }
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Test
    void whileTheProviderIsAwayRequestsAre503AndReadinessFailsThenBothRecover() throws InterruptedException {
        Api.as("hr-1", "hr").get("/api/v1/me").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
        RestAssured.given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'OIDC provider keys' }.status", equalTo("DOWN"));
        Api.anonymous().get("/api/v1/labels").then().statusCode(200);

        PROVIDER.start();
        int status = Eventually.status(200, Duration.ofSeconds(30),
                () -> RestAssured.given().get("/q/health/ready").then().extract().statusCode());
        assertEquals(200, status, "readiness recovers by itself once the provider is back");
        RestAssured.given().get("/q/health/ready").then()
                .body("checks.name", hasItem("OIDC provider keys"));
        Api.as("hr-1", "hr").get("/api/v1/me").then().statusCode(200).body("subject", equalTo("hr-1"));

        PROVIDER.stop();
        Api.as("hr-1", "hr").get("/api/v1/me").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }
}
