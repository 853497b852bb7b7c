package org.zuofeng.support;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/**
 * A fleet of field apps syncing through a flaky link: answers lost, requests sent twice, batches arriving out of
 * order, several devices editing the same finding while an administrator edits on the server. In the end every device
 * and the server hold the same findings, none lost and none twice, and every edit that lost a conflict was told so
 * to the device that made it. Seeded: the same run every time, whichever replicas it talks to.
 */
public final class FleetSimulation {

    private static final int DEVICES = 20;
    private static final int ROUNDS = 5;

    /** A device with its queue of mutations not yet settled, and what it learnt of each. */
    private static final class App {
        final Device device;
        final List<Map<String, Object>> pending = new ArrayList<>();
        final Map<Long, String> settled = new HashMap<>();
        final Set<Long> edits = new HashSet<>();
        final Set<UUID> created = new HashSet<>();

        App(Device device) {
            this.device = device;
        }
    }

    /** What happened on the link, to show the run exercised each kind of trouble. */
    private final Map<String, Integer> trouble = new TreeMap<>();

    private final Random random = new Random(20261201);
    private final IntSupplier replica;

    /** A fleet whose devices send each request to the replica {@code replica} names. */
    public FleetSimulation(IntSupplier replica) {
        this.replica = replica;
    }

    /** Runs the fleet and checks that it converged; see the class comment. */
    public void run() {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String lead = Fixtures.uniqueCode("lead");
        var planned = Fixtures.anInspection("OPEN", unit).lead(lead);
        List<App> apps = new ArrayList<>();
        apps.add(new App(new Device(lead, "inspector").via(replica)));
        for (int n = 1; n < DEVICES; n++) {
            String member = Fixtures.uniqueCode("field");
            planned.member(member);
            apps.add(new App(new Device(member, "inspector").via(replica)));
        }
        JsonPath inspection = planned.started();
        String inspectionId = inspection.getString("id");

        for (int round = 0; round < ROUNDS; round++) {
            for (App app : apps) {
                record(app, unit, inspection, random);
                edit(app, inspection, random, round);
                send(app, random);
                if (random.nextInt(3) == 0) {
                    app.device.pullToHead();
                }
            }
            serverSideEdit(inspectionId, random);
        }
        for (App app : apps) {
            while (!app.pending.isEmpty()) {
                settle(app, app.device.push(List.copyOf(app.pending)).then().statusCode(200).extract().jsonPath());
            }
        }

        Map<String, Long> server = serverFindings(inspectionId);
        Set<String> createdByDevices = apps.stream().flatMap(a -> a.created.stream()).map(UUID::toString)
                .collect(Collectors.toSet());
        assertEquals(createdByDevices, server.keySet(), "every finding a device recorded is on the server, once");
        int creates = apps.stream().mapToInt(a -> a.created.size()).sum();
        assertEquals(creates, server.size(), "no finding twice");
        for (App app : apps) {
            app.device.pullToHead();
            Map<String, Long> held = app.device.copy().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("FINDING:")
                            && inspectionId.equals(e.getValue().data().get("inspectionId")))
                    .collect(Collectors.toMap(e -> e.getKey().substring("FINDING:".length()),
                            e -> e.getValue().version()));
            assertEquals(server, held, app.device.subject + " holds what the server holds");
            assertEquals(app.device.lastMutationId(), app.settled.size(), "every mutation was settled");
            for (long edit : app.edits) {
                String status = app.settled.get(edit);
                assertTrue("APPLIED".equals(status) || "CONFLICT".equals(status),
                        "edit " + edit + " of " + app.device.subject + " was applied or reported lost: " + status);
            }
        }
        long conflicts = apps.stream().flatMap(a -> a.settled.values().stream()).filter("CONFLICT"::equals).count();
        assertTrue(conflicts > 0, "the run had conflicting edits");
        for (String kind : List.of("lost answer", "sent twice", "out of order")) {
            assertTrue(trouble.getOrDefault(kind, 0) > 0, "the run had a " + kind + ": " + trouble);
        }
    }

    /** Records one or two findings in the field. */
    private static void record(App app, JsonPath unit, JsonPath inspection, Random random) {
        for (int n = 0, count = 1 + random.nextInt(2); n < count; n++) {
            UUID id = UUID.randomUUID();
            Map<String, Object> data = new HashMap<>(Fixtures.aFinding(inspection, unit)
                    .with("title", "现场 " + id.toString().substring(0, 8)).body());
            data.put("inspectionId", inspection.getString("id"));
            app.pending.add(app.device.mutation("FINDING", id, null, data));
            app.created.add(id);
        }
    }

    /** Corrects a finding the device holds, on the version it holds (which may have moved on meanwhile). */
    private static void edit(App app, JsonPath inspection, Random random, int round) {
        List<Device.Copy> held = app.device.copy().entrySet().stream()
                .filter(e -> e.getKey().startsWith("FINDING:")
                        && inspection.getString("id").equals(e.getValue().data().get("inspectionId")))
                .map(Map.Entry::getValue).sorted((a, b) -> String.valueOf(a.data().get("id"))
                        .compareTo(String.valueOf(b.data().get("id")))).toList();
        if (held.isEmpty()) {
            return;
        }
        // Most edits go to the few first findings, so that devices collide.
        Device.Copy target = held.get(random.nextInt(Math.min(3, held.size())));
        Map<String, Object> data = writeOf(target.data());
        data.put("title", app.device.subject + " 第" + round + "轮更正");
        Map<String, Object> m = app.device.mutation("FINDING", UUID.fromString((String) target.data().get("id")),
                target.version(), data);
        app.pending.add(m);
        app.edits.add(((Number) m.get("mutationId")).longValue());
    }

    /** Sends the queue through the flaky link. */
    private void send(App app, Random random) {
        if (app.pending.isEmpty()) {
            return;
        }
        int link = random.nextInt(10);
        List<Map<String, Object>> queue = List.copyOf(app.pending);
        if (link < 2) {
            app.device.push(queue).then().statusCode(200);
            count("lost answer");
        } else if (link < 4) {
            app.device.push(queue).then().statusCode(200);
            settle(app, app.device.push(queue).then().statusCode(200).extract().jsonPath());
            count("sent twice");
        } else if (link < 6 && queue.size() > 1) {
            int half = queue.size() / 2;
            settle(app, app.device.push(queue.subList(half, queue.size())).then().statusCode(200).extract()
                    .jsonPath());
            settle(app, app.device.push(queue.subList(0, half)).then().statusCode(200).extract().jsonPath());
            count("out of order");
        } else {
            settle(app, app.device.push(queue).then().statusCode(200).extract().jsonPath());
        }
    }

    /** What the device learns from an answer: each settled mutation leaves its queue; a gap stays for later. */
    private static void settle(App app, JsonPath answer) {
        long last = answer.getLong("lastMutationId");
        for (Map<String, Object> result : answer.<Map<String, Object>>getList("results")) {
            long id = ((Number) result.get("mutationId")).longValue();
            String status = (String) result.get("status");
            if ("DUPLICATE".equals(status)) {
                status = (String) result.get("originalStatus");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> problem = (Map<String, Object>) result.get("problem");
            if (problem != null && "MUTATION_GAP".equals(problem.get("code"))) {
                continue;
            }
            assertTrue(!"REJECTED".equals(status), "no mutation of the fleet is invalid: " + result);
            app.settled.put(id, status);
        }
        app.pending.removeIf(m -> ((Number) m.get("mutationId")).longValue() <= last
                && app.settled.containsKey(((Number) m.get("mutationId")).longValue()));
    }

    /** An administrator corrects a finding in the web console, on its current version. */
    private static void serverSideEdit(String inspectionId, Random random) {
        List<Map<String, Object>> items = as("admin-1", "admin").queryParam("inspectionId", inspectionId)
                .queryParam("sort", "observedAt").queryParam("limit", 500).get("/api/v1/findings").then()
                .statusCode(200).extract().jsonPath().getList("items");
        if (items.isEmpty()) {
            return;
        }
        Map<String, Object> target = items.get(random.nextInt(Math.min(3, items.size())));
        Map<String, Object> data = writeOf(target);
        data.put("title", "管理员在系统里更正 " + random.nextInt(1000));
        as("admin-1", "admin").header("If-Match", "\"" + target.get("version") + "\"").body(data)
                .put("/api/v1/findings/{id}", target.get("id")).then().statusCode(200);
    }

    private static Map<String, Object> writeOf(Map<String, Object> finding) {
        Map<String, Object> write = new LinkedHashMap<>();
        for (String member : List.of("unitId", "officialIds", "category", "defects", "severity", "title",
                "description", "observedAt", "location")) {
            if (finding.get(member) != null) {
                write.put(member, finding.get(member));
            }
        }
        return write;
    }

    private static Map<String, Long> serverFindings(String inspectionId) {
        Map<String, Long> versions = new TreeMap<>();
        String cursor = null;
        do {
            var request = as("commission-1", "commission").queryParam("inspectionId", inspectionId)
                    .queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/findings").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                versions.put((String) item.get("id"), ((Number) item.get("version")).longValue());
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return versions;
    }

    private void count(String kind) {
        trouble.merge(kind, 1, Integer::sum);
    }
}
