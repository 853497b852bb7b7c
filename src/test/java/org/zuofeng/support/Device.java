package org.zuofeng.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * A field app in a test: its own client id, the account it runs under, the mutations it numbers, and the copy it
 * keeps of what it pulls (the highest version of each record, records removed when told).
 */
public final class Device {

    /** A record as the device holds it. */
    public record Copy(long version, Map<String, Object> data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public final UUID clientId = UUID.randomUUID();
    public final String subject;
    private final String[] roles;
    private long nextMutationId = 1;
    private String cursor;
    private long lastMutationId;
    private final Map<String, Copy> copy = new LinkedHashMap<>();

    /** Which replica the next request goes to (its port); the one the test runs against, unless told otherwise. */
    private IntSupplier replica = () -> RestAssured.port;

    public Device(String subject, String... roles) {
        this.subject = subject;
        this.roles = roles;
    }

    /** Sends each request to the replica {@code replica} names, chosen afresh for every request. */
    public Device via(IntSupplier replica) {
        this.replica = replica;
        return this;
    }

    /** The next mutation of this device (numbered in the order the device makes them). */
    public Map<String, Object> mutation(String entity, UUID id, Long baseVersion, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mutationId", nextMutationId++);
        m.put("entity", entity);
        m.put("id", id.toString());
        m.put("baseVersion", baseVersion);
        m.put("data", data);
        return m;
    }

    public Map<String, Object> body(List<Map<String, Object>> mutations) {
        return Map.of("clientId", clientId.toString(), "mutations", mutations);
    }

    /** Pushes, the request and the answer held to the contract. */
    public Response push(List<Map<String, Object>> mutations) {
        return Api.as(subject, roles).port(replica.getAsInt()).body(body(mutations)).post("/api/v1/sync/push");
    }

    /** Pushes mutations the contract does not describe (deliberately invalid data): only the answer is checked. */
    public Response pushInvalid(List<Map<String, Object>> mutations, String query) {
        return Api.invalidAs(subject, roles).port(replica.getAsInt()).body(body(mutations))
                .post("/api/v1/sync/push" + query);
    }

    /** One pull from where the device stands; answers the page (changes, next, hasMore, lastMutationId). */
    public Map<String, Object> pullOnce(int limit, int waitSeconds) {
        var request = Api.as(subject, roles).port(replica.getAsInt()).queryParam("clientId", clientId.toString())
                .queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        if (waitSeconds > 0) {
            request.queryParam("wait", waitSeconds);
        }
        Response answer = request.get("/api/v1/sync/changes");
        if (answer.statusCode() != 200) {
            throw new AssertionError("pull answered " + answer.statusCode() + ": " + answer.asString());
        }
        Map<String, Object> page;
        try {
            page = JSON.readValue(answer.asByteArray(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apply(page);
        return page;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> changesOf(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("changes");
    }

    /** Pulls until nothing more is waiting; answers the changes seen on the way. */
    public List<Map<String, Object>> pullToHead() {
        List<Map<String, Object>> seen = new ArrayList<>();
        Map<String, Object> page;
        do {
            page = pullOnce(500, 0);
            seen.addAll(changesOf(page));
        } while (Boolean.TRUE.equals(page.get("hasMore")));
        return seen;
    }

    /** Forgets where it stands (a reinstalled app): the next pull is a snapshot. */
    public void forgetCursor() {
        cursor = null;
    }

    public String cursor() {
        return cursor;
    }

    public void cursor(String cursor) {
        this.cursor = cursor;
    }

    public long lastMutationId() {
        return lastMutationId;
    }

    public Map<String, Copy> copy() {
        return copy;
    }

    public Copy get(String entity, Object id) {
        return copy.get(entity + ":" + id);
    }

    @SuppressWarnings("unchecked")
    private void apply(Map<String, Object> page) {
        for (Map<String, Object> change : changesOf(page)) {
            String key = change.get("entity") + ":" + change.get("id");
            if ("REMOVE".equals(change.get("op"))) {
                copy.remove(key);
                continue;
            }
            long version = ((Number) change.get("version")).longValue();
            Copy held = copy.get(key);
            if (held == null || held.version() <= version) {
                copy.put(key, new Copy(version, (Map<String, Object>) change.get("data")));
            }
        }
        cursor = (String) page.get("next");
        lastMutationId = ((Number) page.get("lastMutationId")).longValue();
    }
}
