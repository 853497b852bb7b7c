package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Eventually;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.PostgresResource;

import java.time.Duration;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.asHr;

/** While the database is unreachable the API says so (503 + Retry-After), readiness fails, and both recover. */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsDownTheApiAnswers503AndReadinessFailsThenBothRecover() throws InterruptedException {
        JsonPath unit = Fixtures.aDistrict();
        PostgresResource.stopDatabase();
        try {
            asHr().get("/api/v1/units/{id}", unit.getString("id")).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("code", equalTo("SERVICE_UNAVAILABLE"));
            RestAssured.given().get("/q/health/ready").then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"));
        } finally {
            PostgresResource.startDatabase();
        }

        int status = Eventually.status(200, Duration.ofSeconds(30),
                () -> asHr().get("/api/v1/units/{id}", unit.getString("id")).then().extract().statusCode());
        assertEquals(200, status, "the API recovers by itself once the database is back");
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }
}
