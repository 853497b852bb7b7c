package org.zuofeng.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.zuofeng.common.changelog.ChangeLog;
import org.zuofeng.common.changelog.ChangePosition;
import org.zuofeng.common.changelog.LogWaits;
import org.zuofeng.common.changelog.SyncedRecord;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.eventlog.EventLog;
import org.zuofeng.common.eventlog.PublishedKind;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event feed: what changed, in commit order, as CloudEvents, each about a record the reader may see and showing
 * it as their own {@code GET} would now. Events the reader may not see are passed over (the cursor moves past them);
 * at least once, so a reader dedupes by {@code id}.
 */
@ApplicationScoped
public class EventFeed {

    private final EventLog log;
    private final ChangeLog changes;
    private final LogWaits waits;
    private final Map<String, PublishedKind> byEntityType;
    private final ServerKeys keys;
    private final Caller caller;
    private final Clock clock;
    private final Duration retention;

    public EventFeed(EventLog log, ChangeLog changes, LogWaits waits, Instance<PublishedKind> kinds, ServerKeys keys,
            Caller caller, Clock clock, EventsConfig config) {
        this.log = log;
        this.changes = changes;
        this.waits = waits;
        this.byEntityType = kinds.stream().collect(Collectors.toMap(PublishedKind::entityType, Function.identity()));
        this.keys = keys;
        this.caller = caller;
        this.clock = clock;
        this.retention = config.retention();
    }

    /** What the feed shows the caller from their cursor (null: the start); with {@code wait}, waits for an event. */
    public CompletionStage<EventsPage> read(String cursor, int limit, Collection<String> types, int waitSeconds) {
        ChangePosition after = cursor == null ? ChangePosition.START : position(cursor);
        // The cursor is the caller's: taken now, as the answer may be made later, outside the request's context.
        String subject = caller.subject();
        return waits.read(waitSeconds, () -> page(after, types, limit), r -> r.events().isEmpty() && !r.hasMore())
                .thenApply(read -> new EventsPage(read.events(), EventCursor.at(read.next(), clock.instant())
                        .encode(keys, subject), read.hasMore()));
    }

    /** A page of what the caller may see after {@code after}, and where the next page starts. */
    public Read page(ChangePosition after, Collection<String> types, int limit) {
        long horizon = changes.horizon();
        List<EventLog.Logged> rows = log.after(after, horizon, types, limit + 1);
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        // A kind this replica does not know (a newer one published it, in a rolling deploy) is held back, not passed
        // over: the page stops before it, and the cursor with it, so that a replica that knows it serves it.
        int known = 0;
        while (known < rows.size() && byEntityType.containsKey(rows.get(known).entityType())) {
            known++;
        }
        boolean heldBack = known < rows.size();
        if (heldBack) {
            rows = rows.subList(0, known);
            more = false;
        }
        Map<String, Map<UUID, SyncedRecord>> visible = rows.stream()
                .collect(Collectors.groupingBy(EventLog.Logged::entityType,
                        Collectors.mapping(EventLog.Logged::entityId, Collectors.toSet())))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> kind(e.getKey())
                        .visible(e.getValue()).stream()
                        .collect(Collectors.toMap(SyncedRecord::id, Function.identity()))));
        List<CloudEvent> events = new ArrayList<>();
        for (EventLog.Logged row : rows) {
            SyncedRecord record = visible.get(row.entityType()).get(row.entityId());
            if (record != null) {
                events.add(CloudEvent.of(row.auditId().toString(), kind(row.entityType()).source(), row.type(),
                        row.entityId().toString(), row.occurredAt(), record.data()));
            }
        }
        // Every event below the horizon has been read when there is no more: the next read starts there, however
        // few events matched the types asked for.
        ChangePosition last = rows.isEmpty() ? after : rows.get(rows.size() - 1).position();
        ChangePosition next = more || heldBack ? last : max(max(after, ChangePosition.before(horizon)), last);
        return new Read(events, next, more);
    }

    /** A page of the feed as one reader sees it. */
    public record Read(List<CloudEvent> events, ChangePosition next, boolean hasMore) {
    }

    /** The event types of every published kind start so: {@code org.zuofeng.<kind>.}. */
    public boolean knownKind(String type) {
        return byEntityType.values().stream().anyMatch(k -> type.startsWith("org.zuofeng." + k.eventName() + "."));
    }

    private static ChangePosition max(ChangePosition a, ChangePosition b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private PublishedKind kind(String entityType) {
        return byEntityType.get(entityType);
    }

    /** Where a cursor of the feed, issued to the caller, stands (400 if it is not theirs, 410 if too old). */
    public ChangePosition position(String text) {
        EventCursor cursor = EventCursor.decode(text, keys, caller.subject());
        if (cursor.issued().isBefore(clock.instant().minus(retention))) {
            throw new ProblemException(ErrorCode.CURSOR_EXPIRED, Text.of("events.cursorOlderThanDaysReader",
                    retention.toDays()));
        }
        return cursor.after();
    }
}
