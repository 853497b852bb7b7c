package org.zuofeng.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.support.Api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The contract is served as written, announced in every response, and in step with the code's registries. */
@QuarkusTest
class ReferenceTest {

    private static JsonNode spec() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
    }

    @Test
    void theContractIsServedAsWrittenAtBothAddresses() throws IOException {
        JsonNode spec = spec();
        String version = spec.path("info").path("version").asText();
        Api.anonymous().get("/api/v1/openapi.json").then()
                .statusCode(200)
                .header("API-Version", version)
                .body("info.version", equalTo(version))
                .body("openapi", equalTo("3.1.0"));
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.version", equalTo(version))
                .body("paths.keySet()", containsInAnyOrder(fieldNames(spec.path("paths")).toArray()));
    }

    @Test
    void everyResponseAnnouncesTheApiVersionAndARequestId() throws IOException {
        String version = spec().path("info").path("version").asText();
        RestAssured.given().get("/q/health/live").then()
                .header("API-Version", version)
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        Api.asHr().get("/api/v1/units").then()
                .header("API-Version", version);
    }

    @Test
    void everyProblemCodeIsInTheContract() throws IOException {
        List<String> documented = new ArrayList<>();
        spec().path("components").path("schemas").path("Problem").path("properties").path("code").path("enum")
                .forEach(code -> documented.add(code.asText()));
        assertThat(documented, containsInAnyOrder(Arrays.stream(ErrorCode.values()).map(Enum::name).toArray()));
    }

    @Test
    void labelsGiveChineseAndEnglishForEveryEnumValue() {
        Api.anonymous().get("/api/v1/labels").then()
                .statusCode(200)
                .body("UnitType.DISTRICT.zh-CN", equalTo("区"))
                .body("UnitType.SUBDISTRICT.zh-CN", equalTo("街道"))
                .body("UnitStatus.DISSOLVED.en", equalTo("Dissolved"));
    }

    @Test
    void labelsAndTheContractsEnumLabelsAgree() throws IOException {
        JsonNode schemas = spec().path("components").path("schemas");
        var served = Api.anonymous().get("/api/v1/labels").then().extract().jsonPath();
        List<String> labelled = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            if (schema.getValue().has("x-enum-labels")) {
                labelled.add(schema.getKey());
            }
        });
        assertThat(labelled, containsInAnyOrder(served.getMap("$").keySet().toArray()));
        for (String enumName : labelled) {
            JsonNode documented = schemas.path(enumName).path("x-enum-labels");
            for (String value : fieldNames(documented)) {
                assertThat(enumName + "." + value, served.getString(enumName + "." + value + ".zh-CN"),
                        equalTo(documented.path(value).asText()));
            }
            assertThat(fieldNames(documented), containsInAnyOrder(
                    served.getMap(enumName).keySet().toArray()));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
