package org.zuofeng.official;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;
import static org.zuofeng.support.Api.asHr;

/** Officials addressed by the ids other systems give them: one official per id and system, found in a body. */
@QuarkusTest
class ExternalIdTest {

    @Test
    void anotherSystemFindsAnOfficialByTheIdItKnowsThemBy() {
        String personnel = Fixtures.uniqueCode("GD");
        JsonPath official = Fixtures.anOfficial().with("externalIds", Map.of("personnel", personnel)).create();
        assertEquals(Map.of("personnel", personnel), official.getMap("externalIds"));

        as("integration-1", "integration").body(Map.of("system", "personnel", "externalId", personnel))
                .post("/api/v1/officials/search").then().statusCode(200)
                .body("items.id", contains(official.getString("id")))
                .body("items[0].idNumber", equalTo(official.getString("idNumber").substring(0, 6) + "************"));
        as("integration-1", "integration").body(Map.of("system", "case-system", "externalId", personnel))
                .post("/api/v1/officials/search").then().statusCode(200).body("items", empty());
        as("integration-1", "integration").body(Map.of("idNumber", official.getString("idNumber")))
                .post("/api/v1/officials/search").then().statusCode(403);
    }

    @Test
    void anIdNamesOneOfficialInItsSystemEvenWhenTwoAreRecordedAtOnce() throws Exception {
        String personnel = Fixtures.uniqueCode("GD");
        Fixtures.anOfficial().with("externalIds", Map.of("personnel", personnel)).create();
        asHr().body(Fixtures.anOfficial().with("externalIds", Map.of("personnel", personnel)).body())
                .post("/api/v1/officials").then().statusCode(409).body("code", equalTo("EXTERNAL_ID_TAKEN"));
        Fixtures.anOfficial().with("externalIds", Map.of("case-system", personnel)).create();

        String raced = Fixtures.uniqueCode("GD");
        List<CompletableFuture<Integer>> racing = List.of(1, 2, 3, 4).stream().map(i -> CompletableFuture.supplyAsync(
                () -> asHr().body(Fixtures.anOfficial().with("externalIds", Map.of("personnel", raced)).body())
                        .post("/api/v1/officials").then().extract().statusCode())).toList();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (CompletableFuture<Integer> f : racing) {
            statuses.add(f.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one official got the id: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), "the others a conflict: " + statuses);
    }

    @Test
    void aWriteThatLeavesExternalIdsOutKeepsThemAndAnEmptyMapRemovesThem() {
        String personnel = Fixtures.uniqueCode("GD");
        var builder = Fixtures.anOfficial().with("externalIds", Map.of("personnel", personnel));
        JsonPath official = builder.create();
        Map<String, Object> write = new HashMap<>(builder.body());
        write.remove("externalIds");
        write.put("name", "改名" + personnel.substring(personnel.length() - 4));

        JsonPath renamed = asHr().header("If-Match", "\"" + official.getLong("version") + "\"").body(write)
                .put("/api/v1/officials/{id}", official.getString("id")).then().statusCode(200)
                .body("externalIds.personnel", equalTo(personnel)).extract().jsonPath();
        write.put("externalIds", Map.of());
        asHr().header("If-Match", "\"" + renamed.getLong("version") + "\"").body(write)
                .put("/api/v1/officials/{id}", official.getString("id")).then().statusCode(200)
                .body("externalIds", equalTo(Map.of()));
        asHr().body(Map.of("system", "personnel", "externalId", personnel)).post("/api/v1/officials/search").then()
                .statusCode(200).body("items", empty());
    }
}
