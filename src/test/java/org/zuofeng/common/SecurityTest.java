package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Tokens;


import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Only valid tokens get in, and roles decide what they may do; the public surface needs no token. */
@QuarkusTest
class SecurityTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void noTokenIsA401ProblemWithWwwAuthenticate() {
        RestAssured.given().filter(Contract.STRICT).accept(ContentType.JSON).get("/api/v1/units").then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("API-Version", notNullValue())
                .body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aTokenWithoutAnyOfTheProductsRolesIsA403() {
        Api.as("stranger", "user").get("/api/v1/units").then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void rolesComeFromKeycloaksRealmAccessToo() {
        String token = Jwt.subject("kc-user").claim("realm_access", java.util.Map.of("roles", java.util.List.of("hr")))
                .issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).jws().keyId("1").sign("privateKey.jwk");
        RestAssured.given().filter(Contract.STRICT).auth().oauth2(token).accept(ContentType.JSON)
                .get("/api/v1/units").then()
                .statusCode(200);
    }

    @Test
    void metricsAreForOperatorsNotForAnonymousCallers() {
        RestAssured.given().get("/q/metrics").then().statusCode(401);
        RestAssured.given().auth().oauth2(Tokens.token("prometheus", "integration")).get("/q/metrics").then()
                .statusCode(200);
        RestAssured.given().auth().oauth2(Tokens.token("hr-1", "hr")).get("/q/metrics").then()
                .statusCode(403);
    }

    @Test
    void browsersFromConfiguredOriginsOnlyMayCallTheApi() {
        RestAssured.given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/units").then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .options("/api/v1/units").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void noResponseMayBeSniffedAndNoConfidentialOneStored() {
        String unitId = Api.asHr().body(org.zuofeng.support.Fixtures.aUnit().type("DISTRICT").body())
                .post("/api/v1/units").then().statusCode(201)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .extract().path("id");
        Api.asHr().get("/api/v1/units/{id}", unitId).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        Api.as("hr-1", "hr").get("/api/v1/officials").then().statusCode(200)
                .header("Cache-Control", "no-store");
        RestAssured.given().accept(ContentType.JSON).get("/api/v1/units").then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        Api.anonymous().get("/api/v1/labels").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", org.hamcrest.Matchers.not(equalTo("no-store")));
        RestAssured.given().get("/q/health/ready").then()
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void thePublicSurfaceNeedsNoToken() {
        Api.anonymous().get("/api/v1/labels").then().statusCode(200);
        Api.anonymous().get("/api/v1/problems").then().statusCode(200);
        Api.anonymous().get("/api/v1/openapi.json").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
