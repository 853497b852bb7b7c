package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.asHr;
import static org.zuofeng.support.Api.invalidAs;

/**
 * The JSON reader takes a body only as the contract writes it and as it will be stored: one value and nothing after
 * it, each member once, texts of characters a person could have meant, numbers a binary64 holds, and a body only
 * when it says it is JSON. What it refuses is a 400 (415 without a type) problem, never a guess.
 */
@QuarkusTest
class StrictJsonTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMemberGivenTwiceIsRefusedRatherThanTakenFromTheLastOne() {
        invalidAs("hr-1", "hr").body("{\"code\":\"" + Fixtures.uniqueCode("D") + "\",\"name\":\"甲区\","
                        + "\"name\":\"乙区\",\"type\":\"DISTRICT\"}")
                .post("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        String unit = "{\"code\":\"" + Fixtures.uniqueCode("D") + "\",\"name\":\"甲区\",\"type\":\"DISTRICT\"}";
        for (String trailing : List.of(unit + unit, unit + "x", unit + "]")) {
            invalidAs("hr-1", "hr").body(trailing).post("/api/v1/units").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("code", equalTo("MALFORMED_JSON"));
        }
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsSomethingElse() {
        for (String name : List.of("\\ud800", "甲\\udc00区", "\\udbff")) {
            invalidAs("hr-1", "hr").body("{\"code\":\"" + Fixtures.uniqueCode("D") + "\",\"name\":\"" + name
                            + "\",\"type\":\"DISTRICT\"}")
                    .post("/api/v1/units").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].pointer", equalTo("/name"));
        }
        // A real pair of surrogates is one character, and is taken.
        asHr().body(Fixtures.aUnit().type("DISTRICT").named("𠀀区").body()).post("/api/v1/units").then()
                .statusCode(201)
                .body("name", equalTo("𠀀区"));
    }

    @Test
    void controlAndBidirectionalCharactersAreRefusedInEveryTextAndLineBreaksInNames() {
        for (String name : List.of("invoice\u202Egnp.exe", "a\u0007b", "a\u0085b", "a\u2066b\u2069", "a\uFFFEb",
                "两行\n名称", "tab\tname")) {
            invalidAs("hr-1", "hr").body(Fixtures.aUnit().type("DISTRICT").named(name).body())
                    .post("/api/v1/units").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].pointer", equalTo("/name"));
        }
        invalidAs("hr-1", "hr").body(Fixtures.anOfficial().with("name", "张\u202E三").body()).post("/api/v1/officials")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/name"));
        invalidAs("hr-1", "hr").urlEncodingEnabled(false).queryParam("q", "%E2%80%AE").get("/api/v1/units").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].parameter", equalTo("q"));

        // Longer texts keep their tabs and line breaks.
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        org.zuofeng.support.Api.as("commission-1", "commission")
                .body(Fixtures.anInspection("OPEN", unit).lead("lead-1").with("description", "第一段\n\t第二段").body())
                .post("/api/v1/inspections").then()
                .statusCode(201)
                .body("description", equalTo("第一段\n\t第二段"));
    }

    @Test
    void aNumberThatWouldOverflowOrUnderflowIsRefusedRatherThanRounded() {
        for (String quota : List.of("1e-400", "-1e-400", "1e400")) {
            String scheme = Fixtures.aScheme("OFFICIAL", 2050).body().entrySet().stream()
                    .filter(e -> !e.getKey().equals("excellentQuota"))
                    .map(e -> jsonMember(e.getKey(), e.getValue()))
                    .reduce("{\"excellentQuota\":" + quota, (json, member) -> json + "," + member) + "}";
            invalidAs("hr-1", "hr").body(scheme).post("/api/v1/assessment-schemes").then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].pointer", equalTo("/excellentQuota"));
        }
    }

    @Test
    void aBodyThatDoesNotSayItIsJsonIsRefusedWith415() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/units"))
                .header("Authorization", "Bearer " + Tokens.token("hr-1", "hr"))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(Fixtures.aUnit().type("DISTRICT").body())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM));
        assertEquals(List.of(), Contract.validator().validateResponse("POST", "/api/v1/units",
                new org.zuofeng.support.ContractValidator.Response(415, PROBLEM,
                        name -> response.headers().firstValue(name).orElse(null), response.body().getBytes())));
    }

    private static String jsonMember(String name, Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(name, value))
                    .replaceAll("^\\{|}$", "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
