package org.zuofeng.duty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Fixtures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/** A unit's power, negative and responsibility lists: versions that supersede each other on their dates. */
@QuarkusTest
class DutyListTest {

    private static Map<String, Object> item(String code, String name) {
        return Map.of("code", code, "name", name, "basis", "《行政许可法》第十二条", "responsibleRole", "审批科");
    }

    private static JsonPath draft(JsonPath unit, String kind, LocalDate from, List<Map<String, Object>> items) {
        return as("hr-1", "hr").body(Map.of("effectiveFrom", from.toString(), "items", items))
                .post("/api/v1/units/{id}/lists/{kind}/versions", unit.getString("id"), kind).then().statusCode(201)
                .extract().jsonPath();
    }

    private static io.restassured.response.Response publish(JsonPath unit, String kind, JsonPath version) {
        return as("commission-1", "commission").header("If-Match", "\"" + version.getLong("version") + "\"")
                .post("/api/v1/units/{id}/lists/{kind}/versions/{v}/publication", unit.getString("id"), kind,
                        version.getString("id"));
    }

    @Test
    void aVersionSupersedesTheOneBeforeFromItsDateAndTheOldStaysReadable() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        LocalDate today = Fixtures.today();
        JsonPath first = draft(unit, "POWER", today.minusDays(10),
                List.of(item("P-1", "建设工程规划许可"), item("P-2", "临时用地审批"), item("P-3", "户外广告设置许可")));
        publish(unit, "POWER", first).then().statusCode(200).body("number", equalTo(1))
                .body("status", equalTo("PUBLISHED"));
        JsonPath second = draft(unit, "POWER", today.plusDays(5),
                List.of(item("P-1", "建设工程规划许可"), item("P-2", "临时用地审批（含续期）"), item("P-4", "夜间施工许可")));
        publish(unit, "POWER", second).then().statusCode(200).body("number", equalTo(2));

        String id = unit.getString("id");
        as("inspector-1", "inspector").get("/api/v1/units/{id}/lists/POWER", id).then().statusCode(200)
                .body("number", equalTo(1));
        as("inspector-1", "inspector").queryParam("on", today.plusDays(5).toString())
                .get("/api/v1/units/{id}/lists/POWER", id).then().statusCode(200).body("number", equalTo(2));
        as("inspector-1", "inspector").queryParam("on", today.minusDays(11).toString())
                .get("/api/v1/units/{id}/lists/POWER", id).then().statusCode(404);
        as("inspector-1", "inspector").get("/api/v1/units/{id}/lists/POWER/versions", id).then().statusCode(200)
                .body("items.number", contains(2, 1));

        JsonPath diff = as("inspector-1", "inspector").queryParam("from", 1).queryParam("to", 2)
                .get("/api/v1/units/{id}/lists/POWER/diff", id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("P-4"), diff.getList("added.code"));
        assertEquals(List.of("P-3"), diff.getList("removed.code"));
        assertEquals(List.of("P-2"), diff.getList("changed.code"));
        assertEquals("临时用地审批（含续期）", diff.getString("changed[0].after.name"));

        JsonPath published = as("hr-1", "hr").get("/api/v1/units/{id}/lists/POWER/versions/{v}", id,
                first.getString("id")).then().extract().jsonPath();
        as("hr-1", "hr").header("If-Match", "\"" + published.getLong("version") + "\"")
                .body(Map.of("effectiveFrom", today.toString(), "items", List.of(item("P-9", "改"))))
                .put("/api/v1/units/{id}/lists/POWER/versions/{v}", id, first.getString("id")).then()
                .statusCode(409).body("code", equalTo("LIST_PUBLISHED"));
        JsonPath early = draft(unit, "POWER", today.plusDays(1), List.of(item("P-1", "建设工程规划许可")));
        publish(unit, "POWER", early).then().statusCode(409).body("code", equalTo("LIST_NOT_LATER"));
    }

    @Test
    void thePublicReadsWhatIsPublishedByUnitCodeAndNoOneButTheDraftersSeesDrafts() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        JsonPath published = draft(unit, "NEGATIVE", Fixtures.today().minusDays(1), List.of(item("N-1", "不得违规收费")));
        publish(unit, "NEGATIVE", published).then().statusCode(200);
        draft(unit, "NEGATIVE", Fixtures.today().plusDays(30), List.of(item("N-2", "草稿中的事项")));

        Api.anonymous().get("/api/v1/public/units/{code}/lists/NEGATIVE", unit.getString("code")).then()
                .statusCode(200).body("unitName", equalTo(unit.getString("name"))).body("number", equalTo(1))
                .body("items.code", contains("N-1")).body("$", not(hasKey("createdBy")));
        Api.anonymous().get("/api/v1/public/units/{code}/lists/NEGATIVE/versions", unit.getString("code")).then()
                .statusCode(200).body("items.number", contains(1));
        Api.anonymous().get("/api/v1/public/units/{code}/lists/RESPONSIBILITY", unit.getString("code")).then()
                .statusCode(404);

        as("inspector-1", "inspector").get("/api/v1/units/{id}/lists/NEGATIVE/versions", unit.getString("id"))
                .then().statusCode(200).body("items.status", contains("PUBLISHED"));
        as("hr-1", "hr").get("/api/v1/units/{id}/lists/NEGATIVE/versions", unit.getString("id")).then()
                .body("items.status", contains("DRAFT", "PUBLISHED"));
        as("officer-1", "unit-officer").body(Map.of("effectiveFrom", Fixtures.today().toString(),
                        "items", List.of(item("N-3", "x"))))
                .post("/api/v1/units/{id}/lists/NEGATIVE/versions", unit.getString("id")).then().statusCode(403);
    }

    @Test
    void versionsPublishedAtOnceAreNumberedWithoutGapsOrTwins() throws Exception {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        List<JsonPath> drafts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drafts.add(draft(unit, "RESPONSIBILITY", Fixtures.today().plusDays(i), List.of(item("R-" + i, "责任" + i))));
        }
        List<CompletableFuture<io.restassured.response.Response>> racing = drafts.stream()
                .map(d -> CompletableFuture.supplyAsync(() -> publish(unit, "RESPONSIBILITY", d))).toList();
        List<Integer> numbers = new ArrayList<>();
        for (CompletableFuture<io.restassured.response.Response> r : racing) {
            io.restassured.response.Response answer = r.get(60, TimeUnit.SECONDS);
            if (answer.statusCode() == 200) {
                numbers.add(answer.path("number"));
            } else {
                assertEquals("LIST_NOT_LATER", answer.path("code"), "a later version was published first");
            }
        }
        assertEquals(IntStream.rangeClosed(1, numbers.size()).boxed().toList(),
                numbers.stream().sorted().collect(Collectors.toList()), "1, 2, … with no gap and no twin");
    }
}
