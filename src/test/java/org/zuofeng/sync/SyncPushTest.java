package org.zuofeng.sync;

import io.quarkus.test.junit.QuarkusTest;
import io.cloudevents.CloudEvent;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.Device;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zuofeng.support.Api.as;

/** Pushing what a field app recorded offline: exactly once, in order, by the ordinary endpoints' rules. */
@QuarkusTest
class SyncPushTest {

    record Scene(JsonPath unit, JsonPath inspection, String lead, Device device) {

        Map<String, Object> finding(String title) {
            Map<String, Object> data = new HashMap<>(Fixtures.aFinding(inspection, unit).with("title", title).body());
            data.put("inspectionId", inspection.getString("id"));
            return data;
        }
    }

    private static Scene scene() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        JsonPath inspection = Fixtures.anInspection("OPEN", unit).lead(lead).started();
        return new Scene(unit, inspection, lead, new Device(lead, "inspector"));
    }

    @Test
    void aBatchPushedAgainIsAnsweredWithItsOriginalResultsAndNeverAppliedTwice() {
        Scene scene = scene();
        Device device = scene.device();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(
                device.mutation("FINDING", first, null, scene.finding("第一条")),
                device.mutation("FINDING", second, null, scene.finding("第二条")));

        device.push(batch).then().statusCode(200)
                .body("lastMutationId", equalTo(2))
                .body("results.status", contains("APPLIED", "APPLIED"))
                .body("results.id", contains(first.toString(), second.toString()))
                .body("results.version", contains(0, 0));
        device.push(batch).then().statusCode(200)
                .body("lastMutationId", equalTo(2))
                .body("results.status", contains("DUPLICATE", "DUPLICATE"))
                .body("results.originalStatus", contains("APPLIED", "APPLIED"))
                .body("results.id", contains(first.toString(), second.toString()));

        as("commission-1", "commission").queryParam("inspectionId", scene.inspection().getString("id"))
                .get("/api/v1/findings").then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void aRunOfFindingsIsAnsweredMutationByMutationAsIfEachWereAlone() {
        Scene scene = scene();
        Device device = scene.device();
        JsonPath elsewhere = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        FeedReader feed = new FeedReader("commission-feed", "commission").fromNow();
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        Map<String, Object> uninspected = scene.finding("别的单位");
        uninspected.put("unitId", elsewhere.getString("id"));
        // The repeat carries the very same data (a finding's observedAt is taken from the clock when it is made).
        Map<String, Object> firstFinding = scene.finding("第一条");
        List<Map<String, Object>> run = List.of(
                device.mutation("FINDING", first, null, firstFinding),
                device.mutation("FINDING", UUID.randomUUID(), null, uninspected),
                device.mutation("FINDING", UUID.randomUUID(), null, scene.finding(" ")),
                device.mutation("FINDING", first, null, firstFinding),
                device.mutation("FINDING", first, null, scene.finding("同一编号，别的内容")),
                device.mutation("FINDING", last, null, scene.finding("最后一条")));

        JsonPath answer = device.pushInvalid(run, "").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("APPLIED", "REJECTED", "REJECTED", "APPLIED", "REJECTED", "APPLIED"),
                answer.getList("results.status"));
        assertEquals(Arrays.asList(null, "VALIDATION_FAILED", "VALIDATION_FAILED", null, "CLIENT_ID_CONFLICT", null),
                IntStream.range(0, 6).mapToObj(n -> answer.getString("results[" + n + "].problem.code")).toList());
        assertEquals("UNIT_NOT_INSPECTED", answer.getString("results[1].problem.errors[0].code"));
        assertEquals("/title", answer.getString("results[2].problem.errors[0].pointer"));
        assertEquals(first.toString(), answer.getString("results[3].id"), "a repeat answers with the finding");
        assertEquals(6, answer.getLong("lastMutationId"), "every refused mutation's id is consumed");

        as("commission-1", "commission").queryParam("inspectionId", scene.inspection().getString("id"))
                .get("/api/v1/findings").then().statusCode(200)
                .body("items.title", containsInAnyOrder("第一条", "最后一条"));
        assertEquals(List.of(first.toString(), last.toString()), feed.readToHead().stream()
                .filter(e -> e.getType().equals("org.zuofeng.finding.created")).map(CloudEvent::getSubject).toList(),
                "each finding recorded is on the feed once, in the order of the run");
        as("auditor-1", "auditor").queryParam("entityType", "finding").queryParam("entityId", first)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", contains("CREATE"));

        device.pushInvalid(run, "").then().statusCode(200)
                .body("lastMutationId", equalTo(6))
                .body("results.status", everyItem(equalTo("DUPLICATE")))
                .body("results.originalStatus", contains("APPLIED", "REJECTED", "REJECTED", "APPLIED", "REJECTED",
                        "APPLIED"));
    }

    @Test
    void twoDevicesPushingTheSameRunAtOnceRecordEachFindingOnce() {
        Scene scene = scene();
        Device phone = scene.device();
        Device tablet = new Device(scene.lead(), "inspector");
        for (int round = 0; round < 3; round++) {
            List<UUID> ids = new ArrayList<>();
            List<Map<String, Object>> onPhone = new ArrayList<>();
            List<Map<String, Object>> onTablet = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                Map<String, Object> data = scene.finding("同时上传 " + round + "-" + n);
                onPhone.add(phone.mutation("FINDING", id, null, data));
                onTablet.add(tablet.mutation("FINDING", id, null, data));
            }
            var fromPhone = CompletableFuture.supplyAsync(() -> phone.push(onPhone).then().statusCode(200).extract()
                    .jsonPath().getList("results.status"));
            var fromTablet = CompletableFuture.supplyAsync(() -> tablet.push(onTablet).then().statusCode(200)
                    .extract().jsonPath().getList("results.status"));

            assertEquals(Collections.nCopies(20, "APPLIED"), fromPhone.join(), "a repeat of the same content applies");
            assertEquals(Collections.nCopies(20, "APPLIED"), fromTablet.join());
            for (UUID id : ids) {
                as("auditor-1", "auditor").queryParam("entityType", "finding").queryParam("entityId", id)
                        .get("/api/v1/audit-events").then().statusCode(200)
                        .body("items.action", contains("CREATE"));
            }
        }
    }

    @Test
    void aPushCarriesUpToAThousandMutationsAndALargerOneIsRefusedWhole() {
        Scene scene = scene();
        Device device = scene.device();
        device.mutation("FINDING", UUID.randomUUID(), null, scene.finding("留待下次"));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int n = 2; n <= 1_002; n++) {
            batch.add(device.mutation("FINDING", UUID.randomUUID(), null, scene.finding("第" + n + "条")));
        }

        device.pushInvalid(batch, "").then().statusCode(400).body("errors[0].pointer", equalTo("/mutations"));
        // A thousand are taken and answered one by one: here each is a gap, since mutation 1 was never sent.
        device.push(batch.subList(0, 1_000)).then().statusCode(200)
                .body("lastMutationId", equalTo(0))
                .body("results.findAll { it.problem.code == 'MUTATION_GAP' }", hasSize(1_000));
    }

    @Test
    void aMutationBeyondTheNextExpectedIsAGapAndNothingAfterItIsApplied() {
        Scene scene = scene();
        Device device = scene.device();
        var m1 = device.mutation("FINDING", UUID.randomUUID(), null, scene.finding("一"));
        var m2 = device.mutation("FINDING", UUID.randomUUID(), null, scene.finding("二"));
        var m3 = device.mutation("FINDING", UUID.randomUUID(), null, scene.finding("三"));
        device.push(List.of(m1)).then().statusCode(200).body("lastMutationId", equalTo(1));

        device.push(List.of(m3, m2)).then().statusCode(200)
                .body("lastMutationId", equalTo(1))
                .body("results.status", contains("REJECTED", "REJECTED"))
                .body("results.problem.code", contains("MUTATION_GAP", "MUTATION_GAP"));
        as("commission-1", "commission").get("/api/v1/findings/{id}", m3.get("id")).then().statusCode(404);

        device.push(List.of(m2, m3)).then().statusCode(200)
                .body("lastMutationId", equalTo(3))
                .body("results.status", contains("APPLIED", "APPLIED"));
    }

    @Test
    void anEditOfAnOlderVersionIsAConflictWithTheRecordAsTheServerHasItAndChangesNothing() {
        Scene scene = scene();
        Device device = scene.device();
        UUID id = UUID.randomUUID();
        device.push(List.of(device.mutation("FINDING", id, null, scene.finding("现场记录")))).then().statusCode(200);
        Map<String, Object> corrected = scene.finding("组长在系统里改过");
        corrected.remove("inspectionId");
        as(scene.lead(), "inspector").header("If-Match", "\"0\"").body(corrected)
                .put("/api/v1/findings/{id}", id).then().statusCode(200).body("version", equalTo(1));

        device.push(List.of(device.mutation("FINDING", id, 0L, scene.finding("设备上改的")))).then()
                .statusCode(200)
                .body("lastMutationId", equalTo(2))
                .body("results[0].status", equalTo("CONFLICT"))
                .body("results[0].version", equalTo(1))
                .body("results[0].current.title", equalTo("组长在系统里改过"))
                .body("results[0].current.version", equalTo(1));
        as(scene.lead(), "inspector").get("/api/v1/findings/{id}", id).then()
                .body("title", equalTo("组长在系统里改过"));
    }

    @Test
    void aRefusedMutationGetsTheOrdinaryEndpointsProblemAndDoesNotBlockTheRest() {
        Scene scene = scene();
        Device device = scene.device();
        Map<String, Object> blank = scene.finding(" ");
        UUID good = UUID.randomUUID();
        JsonPath answer = device.pushInvalid(List.of(
                        device.mutation("FINDING", UUID.randomUUID(), null, blank),
                        device.mutation("FINDING", good, null, scene.finding("有效的"))), "")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(List.of("REJECTED", "APPLIED"), answer.getList("results.status"));
        assertEquals("VALIDATION_FAILED", answer.getString("results[0].problem.code"));
        assertEquals("/title", answer.getString("results[0].problem.errors[0].pointer"));
        assertEquals(400, answer.getInt("results[0].problem.status"));
        assertEquals(2, answer.getLong("lastMutationId"), "a refused mutation's id is consumed");
        as("commission-1", "commission").get("/api/v1/findings/{id}", good).then().statusCode(200);
    }

    @Test
    void anAtomicPushIsAppliedWholeOrNotAtAll() {
        Scene scene = scene();
        Device device = scene.device();
        UUID kept = UUID.randomUUID();
        var valid = device.mutation("FINDING", kept, null, scene.finding("原子一"));
        var invalid = device.mutation("FINDING", UUID.randomUUID(), null, scene.finding(" "));
        JsonPath refused = device.pushInvalid(List.of(valid, invalid), "?atomic=true").then().statusCode(200)
                .extract().jsonPath();

        assertEquals(List.of("REJECTED", "REJECTED"), refused.getList("results.status"));
        assertEquals(List.of("BATCH_ABORTED", "VALIDATION_FAILED"), refused.getList("results.problem.code"));
        assertEquals(0, refused.getLong("lastMutationId"), "nothing of the batch was consumed");
        as("commission-1", "commission").get("/api/v1/findings/{id}", kept).then().statusCode(404);

        invalid.put("data", scene.finding("原子二"));
        Api.as(scene.lead(), "inspector").queryParam("atomic", true).body(device.body(List.of(valid, invalid)))
                .post("/api/v1/sync/push").then().statusCode(200)
                .body("lastMutationId", equalTo(2))
                .body("results.status", contains("APPLIED", "APPLIED"));
    }

    @Test
    void aClientIdBelongsToTheAccountThatFirstUsedIt() {
        Scene scene = scene();
        Device device = scene.device();
        device.push(List.of(device.mutation("FINDING", UUID.randomUUID(), null, scene.finding("我的")))).then()
                .statusCode(200);

        as("someone-else", "inspector").body(device.body(List.of(Map.of("mutationId", 2, "entity", "FINDING",
                        "id", UUID.randomUUID().toString(), "data", scene.finding("冒用")))))
                .post("/api/v1/sync/push").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as("someone-else", "inspector").queryParam("clientId", device.clientId.toString())
                .get("/api/v1/sync/changes").then().statusCode(403);
    }

    @Test
    void theOrdinaryRulesApplyToEachMutation() {
        Scene scene = scene();
        Device outsider = new Device(Fixtures.uniqueCode("outsider"), "inspector");
        outsider.push(List.of(outsider.mutation("FINDING", UUID.randomUUID(), null, scene.finding("不是组员"))))
                .then().statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problem.status", equalTo(404));

        Device lead = scene.device();
        UUID id = UUID.randomUUID();
        lead.push(List.of(lead.mutation("FINDING", id, null, scene.finding("待核实")))).then().statusCode(200);
        lead.push(List.of(lead.mutation("FINDING_TRANSITION", id, 0L, Map.of("to", "RECTIFYING")))).then()
                .statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problem.code", equalTo("FORBIDDEN"));
        lead.push(List.of(lead.mutation("INSPECTION_TRANSITION", UUID.fromString(scene.inspection()
                        .getString("id")), scene.inspection().getLong("version"),
                        Map.of("to", "COMPLETED", "summary", "检查结束")))).then()
                .statusCode(200)
                .body("results[0].status", equalTo("APPLIED"))
                .body("results[0].problem", nullValue());
        as(scene.lead(), "inspector").get("/api/v1/inspections/{id}", scene.inspection().getString("id")).then()
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void theAnswerListsDeclaredEvidenceTheServerDoesNotHaveYet() {
        Scene scene = scene();
        Device device = scene.device();
        UUID finding = UUID.randomUUID();
        UUID photo = UUID.randomUUID();
        Map<String, Object> data = scene.finding("有照片");
        data.put("evidence", List.of(Map.of("id", photo.toString(), "sha256", "ab".repeat(32), "size", 1234,
                "mediaType", "image/jpeg")));
        List<Map<String, Object>> batch = List.of(device.mutation("FINDING", finding, null, data));

        device.push(batch).then().statusCode(200)
                .body("evidenceMissing", hasSize(1))
                .body("evidenceMissing[0].evidenceId", equalTo(photo.toString()))
                .body("evidenceMissing[0].findingId", equalTo(finding.toString()));
        device.push(batch).then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"))
                .body("evidenceMissing[0].evidenceId", equalTo(photo.toString()));
    }
}
