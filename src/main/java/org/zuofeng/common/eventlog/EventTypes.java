package org.zuofeng.common.eventlog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an audit event is called on the feed: {@code org.zuofeng.<kind>.<what>}, where {@code what} is the past
 * participle of the action ({@code created}, {@code updated}, {@code decided}, ...) or, for a lifecycle step, of the
 * state reached ({@code org.zuofeng.notice.issued}, {@code org.zuofeng.assessment.finalised}). Reads of sensitive
 * records are not events.
 */
final class EventTypes {

    static final String PREFIX = "org.zuofeng.";

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", "created"), Map.entry("UPDATE", "updated"), Map.entry("DELETE", "deleted"),
            Map.entry("MOVE", "moved"), Map.entry("DISSOLVE", "dissolved"), Map.entry("END", "ended"),
            Map.entry("RESPOND", "responded"), Map.entry("DECIDE", "decided"), Map.entry("APPEAL", "appealed"),
            Map.entry("RESOLVE_APPEAL", "appeal_resolved"), Map.entry("OBJECT", "objected"),
            Map.entry("RESOLVE_OBJECTION", "objection_resolved"), Map.entry("OVERDUE", "overdue"),
            Map.entry("LAPSE", "lapsed"), Map.entry("DISABLE", "disabled"));

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("DRAFT", "returned_to_draft"), Map.entry("ISSUED", "issued"),
            Map.entry("RESPONDED", "responded"), Map.entry("RETURNED", "returned"),
            Map.entry("ACCEPTED", "accepted"), Map.entry("CLOSED", "closed"), Map.entry("WITHDRAWN", "withdrawn"),
            Map.entry("PUBLIC_NOTICE", "publicised"), Map.entry("FINAL", "finalised"),
            Map.entry("DECIDED", "decided"), Map.entry("WAIVED", "waived"), Map.entry("IN_PROGRESS", "started"),
            Map.entry("COMPLETED", "completed"), Map.entry("CANCELLED", "cancelled"), Map.entry("OPEN", "reopened"),
            Map.entry("RECTIFYING", "rectification_started"), Map.entry("RECTIFIED", "rectified"),
            Map.entry("VERIFIED", "verified"), Map.entry("DISMISSED", "dismissed"));

    private EventTypes() {
    }

    /** The type of an audit event of {@code kind}, or empty when the action is not published. */
    static Optional<String> of(PublishedKind kind, String action, JsonNode after) {
        String what;
        if ("TRANSITION".equals(action)) {
            String state = after == null ? null : after.path("status").asText(null);
            what = state == null ? "transitioned" : STATES.getOrDefault(state, state.toLowerCase(Locale.ROOT));
        } else {
            what = ACTIONS.get(action);
        }
        return Optional.ofNullable(what).map(w -> PREFIX + kind.eventName() + "." + w);
    }
}
