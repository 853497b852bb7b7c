package org.zuofeng.common.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Contract;
import org.zuofeng.support.LogCapture;
import org.zuofeng.support.Tokens;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every request carries the service's authentication-failure handler past Quarkus REST's filter, so that filter does
 * not work out each request's URL template in advance; a failure at the HTTP layer is still answered as before.
 */
@QuarkusTest
class AuthenticationFailuresTest {

    private static final String OURS = AuthenticationFailures.FailTheRequest.class.getName();

    @Test
    void everyRequestCarriesTheServicesHandlerPastQuarkusRest() {
        RestAssured.given().header(AuthFailureHandlerProbe.ASK, "yes")
                .auth().oauth2(Tokens.token("admin-1", "admin")).get("/api/v1/me").then()
                .statusCode(200)
                .header(AuthFailureHandlerProbe.ANSWER, equalTo(OURS));
        RestAssured.given().header(AuthFailureHandlerProbe.ASK, "yes").get("/api/v1/units").then()
                .statusCode(401)
                .header(AuthFailureHandlerProbe.ANSWER, equalTo(OURS));
    }

    @Test
    void aTokenRefusedByAnOperationIsAnsweredOnceByTheApisProblemWithNoErrorLogged() {
        List<String> errors;
        try (LogCapture log = LogCapture.start()) {
            RestAssured.given().filter(Contract.STRICT).auth().oauth2(Tokens.expired("hr-1", "hr"))
                    .accept("application/json").get("/api/v1/me").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                    .body("code", equalTo("UNAUTHORIZED"));
            errors = log.errors();
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aFailureAtTheHttpLayerIsStillAnsweredWithItsChallengeOrA403() {
        RestAssured.given().get("/q/metrics").then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        RestAssured.given().auth().oauth2("not-a-token").get("/q/metrics").then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        RestAssured.given().auth().oauth2(Tokens.token("hr-1", "hr")).get("/q/metrics").then()
                .statusCode(403);
    }
}
