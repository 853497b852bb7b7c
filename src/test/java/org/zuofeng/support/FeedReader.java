package org.zuofeng.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another system in a test, following the event feed as one account: it keeps its cursor, and reads every event
 * with the CloudEvents SDK, as a real consumer would.
 */
public final class FeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    /** A type no change has: reading only it moves the cursor to the head of the feed at once. */
    private static final String NOTHING = "org.zuofeng.unit.never_happens";

    private final String subject;
    private final String[] roles;
    private String cursor;

    public FeedReader(String subject, String... roles) {
        this.subject = subject;
        this.roles = roles;
    }

    /** Skips what happened before: from now on the reader sees what happens next. */
    public FeedReader fromNow() {
        page(NOTHING, 0);
        return this;
    }

    /** Everything after the cursor, to the head of the feed. */
    public List<CloudEvent> readToHead() {
        List<CloudEvent> events = new ArrayList<>();
        while (true) {
            Map<String, Object> page = page(null, 0);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> shown = (List<Map<String, Object>>) page.get("events");
            shown.forEach(event -> events.add(parse(event)));
            if (!Boolean.TRUE.equals(page.get("hasMore"))) {
                return events;
            }
        }
    }

    /**
     * Reads on until what has been read since the call satisfies {@code done}, for at most 20 s: the feed serves
     * only its stable past, so an event may come a moment after the request that made it was answered (while an
     * older transaction is still open).
     */
    public List<CloudEvent> readUntil(java.util.function.Predicate<List<CloudEvent>> done) {
        List<CloudEvent> events = new ArrayList<>(readToHead());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!done.test(events) && System.nanoTime() < deadline) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> shown = (List<Map<String, Object>>) page(null, 1).get("events");
            shown.forEach(event -> events.add(parse(event)));
            events.addAll(readToHead());
        }
        return events;
    }

    /** One page of events of {@code types} (null: all), waiting {@code wait} seconds for one. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> page(String types, int wait) {
        var request = Api.as(subject, roles).queryParam("limit", 500);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        if (types != null) {
            request.queryParam("types", types);
        }
        if (wait > 0) {
            request.queryParam("wait", wait);
        }
        Map<String, Object> page = request.get("/api/v1/events").then().statusCode(200).extract().as(Map.class);
        cursor = (String) page.get("next");
        return page;
    }

    public String cursor() {
        return cursor;
    }

    /** The event's data, as JSON members. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(CloudEvent event) {
        try {
            return JSON.readValue(new String(event.getData().toBytes(), StandardCharsets.UTF_8), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CloudEvent parse(Map<String, Object> event) {
        try {
            return FORMAT.deserialize(JSON.writeValueAsBytes(event));
        } catch (Exception e) {
            throw new IllegalStateException("not a CloudEvent: " + event, e);
        }
    }
}
