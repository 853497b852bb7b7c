package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Tokens;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.zuofeng.support.Api.invalidAs;

/** Bad input of every kind is an RFC 9457 problem with a stable code, never a 500. */
@QuarkusTest
class ProblemsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIsA400WithCodeMalformedJson() {
        invalidAs("hr-1", "hr").body("{\"code\": \"X\", ").post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("type", equalTo("/api/v1/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/units"))
                .body("traceId", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        invalidAs("hr-1", "hr").body(Map.of("code", "X1", "name", "n", "type", "PROVINCE")).post("/api/v1/units")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].pointer", equalTo("/type"))
                .body("errors[0].message", containsString("DISTRICT"));
    }

    @Test
    void wrongJsonTypeIsAValidationProblemAtThatField() {
        invalidAs("hr-1", "hr").body(Map.of("code", "X1", "name", "n", "type", "AGENCY", "parentId", 12))
                .post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].pointer", equalTo("/parentId"));
    }

    @Test
    void valuesAreTakenOnlyInTheFormatTheContractGivesThem() {
        Map<String, Object> wrong = Map.of(
                "/birthDate", 3_650,                      // a number of days is not a date
                "/name", 42,                              // a number is not a text
                "/partyMember", "true");                  // a text is not a boolean
        wrong.forEach((pointer, value) -> invalidAs("hr-1", "hr")
                .body(Fixtures.anOfficial().with(pointer.substring(1), value).body())
                .post("/api/v1/officials").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo(pointer)));
        invalidAs("hr-1", "hr").body(Fixtures.anOfficial().with("birthDate", "+10000-01-01").body())
                .post("/api/v1/officials").then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/birthDate"))
                .body("errors[0].message", equalTo("must be a date (YYYY-MM-DD)"));
        invalidAs("hr-1", "hr").queryParam("updatedSince", "2026-11-26T09:30+08:00").get("/api/v1/inspections")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("updatedSince"));
    }

    @Test
    void aTextWithTheNulCharacterIsRefusedAtItsField() {
        invalidAs("hr-1", "hr").body(Map.of("code", "X1", "name", "单位\u0000名", "type", "DISTRICT"))
                .post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/name"))
                .body("errors[0].message", containsString("control characters"));
        invalidAs("hr-1", "hr").urlEncodingEnabled(false).queryParam("q", "a%00b").get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].parameter", equalTo("q"));
    }

    @Test
    void unknownPropertyIsRejectedRatherThanIgnored() {
        invalidAs("hr-1", "hr").body(Map.of("code", "X1", "name", "n", "type", "DISTRICT", "parentID", "x"))
                .post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].pointer", equalTo("/parentID"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        invalidAs("hr-1", "hr").body(Map.of("code", "has space", "name", " ")).post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", equalTo("3 fields are invalid"))
                .body("errors.pointer", hasItem("/code"))
                .body("errors.pointer", hasItem("/name"))
                .body("errors.pointer", hasItem("/type"));
    }

    @Test
    void missingBodyIsAValidationProblem() {
        invalidAs("hr-1", "hr").post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void badUuidInPathIsA400NamingTheParameter() {
        invalidAs("hr-1", "hr").get("/api/v1/units/not-a-uuid").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].parameter", equalTo("id"));
    }

    @Test
    void badValueOfAQueryParameterIsA400NamingIt() {
        invalidAs("hr-1", "hr").queryParam("type", "PROVINCE").get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].parameter", equalTo("type"));
        invalidAs("hr-1", "hr").queryParam("count", "yes").get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].parameter", equalTo("count"));
    }

    @Test
    void unknownQueryParameterIsRejected() {
        invalidAs("hr-1", "hr").queryParam("parentID", "x").get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("UNKNOWN_PARAMETER"))
                .body("errors[0].parameter", equalTo("parentID"));
    }

    @Test
    void jsonBodyOverOneMebibyteIsA413() {
        String big = "x".repeat(1024 * 1024);
        invalidAs("hr-1", "hr").body(Map.of("code", "BIG", "name", big, "type", "DISTRICT"))
                .post("/api/v1/units").then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void titlesAreChineseWhenAskedFor() {
        invalidAs("hr-1", "hr").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .get("/api/v1/units/{id}", "0194c4b6-5b1e-7000-8000-00000000dead").then()
                .statusCode(404)
                .contentType(PROBLEM)
                .header("Content-Language", "zh-CN")
                .body("code", equalTo("NOT_FOUND"))
                .body("title", equalTo("资源不存在"));
        invalidAs("hr-1", "hr").get("/api/v1/units/{id}", "0194c4b6-5b1e-7000-8000-00000000dead").then()
                .statusCode(404)
                .body("title", equalTo("Resource not found"));
    }

    @Test
    void unknownPathIsAProblem() {
        RestAssured.given().auth().oauth2(Tokens.token("hr-1", "hr")).accept(ContentType.JSON)
                .get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void unsupportedMethodIsA405WithAllow() {
        RestAssured.given().filter(Contract.RESPONSES_ONLY).auth().oauth2(Tokens.token("hr-1", "hr"))
                .contentType(ContentType.JSON).body("{}")
                .patch("/api/v1/units").then()
                .statusCode(405)
                .contentType(PROBLEM)
                .header("Allow", notNullValue())
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void unacceptableMediaTypeIsA406() {
        RestAssured.given().auth().oauth2(Tokens.token("hr-1", "hr")).accept("application/xml")
                .get("/api/v1/units").then()
                .statusCode(406)
                .contentType(PROBLEM)
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void nonJsonBodyIsA415() {
        invalidAs("hr-1", "hr").contentType(ContentType.TEXT).body("code=X").post("/api/v1/units").then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void theTraceIdOfATraceparentIsInTheProblemAndTheClientsRequestIdIsEchoedBesideTheServersOwn() {
        String serverId = invalidAs("hr-1", "hr")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("X-Request-Id", "client-req-42")
                .get("/api/v1/units/not-a-uuid").then()
                .statusCode(400)
                .header("X-Request-Id", "client-req-42")
                .body("traceId", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"))
                .body("clientRequestId", equalTo("client-req-42"))
                .body("requestId", org.hamcrest.Matchers.not(equalTo("client-req-42")))
                .extract().path("requestId");
        invalidAs("hr-1", "hr").get("/api/v1/units/not-a-uuid").then()
                .statusCode(400)
                .header("X-Request-Id", org.hamcrest.Matchers.not(equalTo(serverId)))
                .body("clientRequestId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void everyProblemTypeHasAPage() {
        var types = Api.anonymous().get("/api/v1/problems").then().statusCode(200)
                .body("items", hasSize(org.zuofeng.common.problem.ErrorCode.values().length))
                .extract().jsonPath().getList("items.type", String.class);
        for (String type : types) {
            Api.anonymous().get(type).then().statusCode(200).body("type", equalTo(type));
            RestAssured.given().accept(ContentType.HTML).get(type).then().statusCode(200)
                    .contentType(ContentType.HTML);
        }
    }

    @Test
    void aUniqueKeyRaceGivesTheSameProblemAsTheServiceCheck() {
        // Two units with one code: the service check answers, and so would the database constraint.
        String code = Fixtures.uniqueCode("DUP");
        Fixtures.aUnit().type("DISTRICT").code(code).create();
        Api.asHr().body(Fixtures.aUnit().type("DISTRICT").code(code).body()).post("/api/v1/units").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("code", equalTo("UNIT_CODE_TAKEN"));
    }
}
