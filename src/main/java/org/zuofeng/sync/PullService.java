package org.zuofeng.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.zuofeng.common.changelog.Change;
import org.zuofeng.common.changelog.ChangeLog;
import org.zuofeng.common.changelog.LogWaits;
import org.zuofeng.common.changelog.SyncedKind;
import org.zuofeng.common.changelog.SyncedRecord;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a device pulls: a snapshot of everything it may see (in pages, kind by kind), then what changed since, from
 * the stable past of the change log, each record as the ordinary {@code GET} shows it to the caller now, or
 * {@code REMOVE} when a record the device holds has left the caller's view. The server keeps what each device holds
 * ({@code sync_held}), so a device is told to drop exactly what it may no longer keep, and nothing else is revealed.
 * When the caller's roles or unit scope change, the device gets a new snapshot, which ends by removing what it held
 * and was not sent again. At least once: a device keeps the highest version of each record.
 */
@ApplicationScoped
public class PullService {

    private final SyncRepository sync;
    private final SyncClients clients;
    private final ChangeLog log;
    private final LogWaits waits;
    private final List<SyncedKind> kinds;
    private final Map<String, SyncedKind> byEntity;
    private final ServerKeys keys;
    private final Caller caller;
    private final CallerScope scope;
    private final Clock clock;
    private final Duration retention;

    public PullService(SyncRepository sync, SyncClients clients, ChangeLog log, LogWaits waits,
            Instance<SyncedKind> kinds, ServerKeys keys, Caller caller, CallerScope scope, Clock clock,
            SyncConfig config) {
        this.sync = sync;
        this.clients = clients;
        this.log = log;
        this.waits = waits;
        this.kinds = kinds.stream().sorted(Comparator.comparingInt(SyncedKind::order)).toList();
        this.byEntity = this.kinds.stream().collect(Collectors.toMap(SyncedKind::entity, Function.identity()));
        this.keys = keys;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
        this.retention = config.retention();
    }

    /** One page of changes; with {@code wait} seconds, waits for a change when there is none yet. */
    public CompletionStage<ChangesPage> changes(UUID clientId, String cursor, int limit, int waitSeconds) {
        return waits.read(waitSeconds, () -> page(clientId, cursor, limit), Pulled::caughtUp).thenApply(Pulled::page);
    }

    private record Pulled(ChangesPage page, boolean caughtUp) {
    }

    private Pulled page(UUID clientId, String text, int limit) {
        SyncClient client = clients.own(clientId);
        SyncCursor cursor = text == null ? null : SyncCursor.decode(text, keys, clientId, caller.subject());
        if (cursor != null && (cursor.issued().isBefore(clock.instant().minus(retention))
                || inLog(cursor) && cursor.logPosition().compareTo(log.purgedUpTo()) < 0)) {
            throw new ProblemException(ErrorCode.CURSOR_EXPIRED, Text.of("sync.cursorOlderThanDaysChanges",
                    retention.toDays()));
        }
        String scopeNow = scopeFingerprint();
        if (cursor == null || cursor.generation() != client.generation || !scopeNow.equals(client.scope)) {
            client.generation++;
            client.scope = scopeNow;
            cursor = new SyncCursor(client.generation, SyncCursor.SNAPSHOT, 0, null, log.horizon(), 0, 0);
        }
        return switch (cursor.mode()) {
            case SyncCursor.SNAPSHOT -> snapshot(client, cursor, limit);
            case SyncCursor.REMOVALS -> removals(client, cursor, limit);
            default -> changesAfter(client, cursor, limit);
        };
    }

    private static boolean inLog(SyncCursor cursor) {
        return SyncCursor.LOG.equals(cursor.mode());
    }

    /** A page of one kind's snapshot; the kinds follow each other, then the removals. */
    private Pulled snapshot(SyncClient client, SyncCursor cursor, int limit) {
        SyncedKind kind = kinds.get(cursor.kind());
        Page<SyncedRecord> page = kind.snapshot(cursor.inner(), limit);
        sync.hold(client.clientId, kind.entity(), page.items().stream().map(SyncedRecord::id).toList(),
                client.generation);
        List<SyncChange> changes = page.items().stream().map(r -> SyncChange.upsert(kind.entity(), r)).toList();
        SyncCursor next;
        if (page.next() != null) {
            next = new SyncCursor(cursor.generation(), SyncCursor.SNAPSHOT, cursor.kind(), page.next(), cursor.xid(),
                    0, 0);
        } else if (cursor.kind() + 1 < kinds.size()) {
            next = new SyncCursor(cursor.generation(), SyncCursor.SNAPSHOT, cursor.kind() + 1, null, cursor.xid(), 0,
                    0);
        } else {
            next = new SyncCursor(cursor.generation(), SyncCursor.REMOVALS, 0, null, cursor.xid(), 0, 0);
        }
        return new Pulled(answer(client, changes, next, true), false);
    }

    /** What the device held before this snapshot and was not sent in it: it must drop it. */
    private Pulled removals(SyncClient client, SyncCursor cursor, int limit) {
        List<SyncRepository.Held> stale = sync.heldBefore(client.clientId, client.generation, limit);
        stale.stream().collect(Collectors.groupingBy(SyncRepository.Held::entity,
                        Collectors.mapping(SyncRepository.Held::entityId, Collectors.toList())))
                .forEach((entity, ids) -> sync.release(client.clientId, entity, ids));
        List<SyncChange> changes = stale.stream().map(h -> SyncChange.remove(h.entity(), h.entityId())).toList();
        SyncCursor next = stale.size() < limit
                ? new SyncCursor(cursor.generation(), SyncCursor.LOG, 0, null, cursor.xid(), 0, 0)
                : cursor;
        return new Pulled(answer(client, changes, next, true), false);
    }

    /** The stable changes after the cursor: each record as it is now, or its removal if the device holds it. */
    private Pulled changesAfter(SyncClient client, SyncCursor cursor, int limit) {
        long horizon = log.horizon();
        List<Change> rows = log.after(cursor.logPosition(), horizon, limit + 1);
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        // A kind this replica does not know (a newer one wrote it, in a rolling deploy) is held back, not passed
        // over: the page stops before it, so that a replica that knows it serves it.
        int known = 0;
        while (known < rows.size() && byEntity.containsKey(rows.get(known).entity())) {
            known++;
        }
        if (known < rows.size()) {
            rows = rows.subList(0, known);
            more = false;
        }
        if (rows.isEmpty()) {
            return new Pulled(answer(client, List.of(), cursor, false), true);
        }
        Map<String, Change> latest = new LinkedHashMap<>();
        for (Change change : rows) {
            String key = change.entity() + ":" + change.entityId();
            latest.remove(key);
            latest.put(key, change);
        }
        Map<String, Map<UUID, SyncedRecord>> visible = new LinkedHashMap<>();
        Map<String, Set<UUID>> held = new LinkedHashMap<>();
        latest.values().stream()
                .collect(Collectors.groupingBy(Change::entity, Collectors.mapping(Change::entityId,
                        Collectors.toList())))
                .forEach((entity, ids) -> {
                    Map<UUID, SyncedRecord> shown = byEntity.get(entity).visible(ids).stream()
                            .collect(Collectors.toMap(SyncedRecord::id, Function.identity()));
                    visible.put(entity, shown);
                    held.put(entity, sync.held(client.clientId, entity,
                            ids.stream().filter(id -> !shown.containsKey(id)).toList()));
                });
        List<SyncChange> changes = new ArrayList<>();
        for (Change change : latest.values()) {
            SyncedRecord record = visible.getOrDefault(change.entity(), Map.of()).get(change.entityId());
            if (record != null) {
                changes.add(SyncChange.upsert(change.entity(), record));
            } else if (held.getOrDefault(change.entity(), Set.of()).contains(change.entityId())) {
                changes.add(SyncChange.remove(change.entity(), change.entityId()));
            }
        }
        visible.forEach((entity, shown) -> sync.hold(client.clientId, entity, shown.keySet(), client.generation));
        held.forEach((entity, ids) -> sync.release(client.clientId, entity, ids));
        Change last = rows.get(rows.size() - 1);
        SyncCursor next = new SyncCursor(cursor.generation(), SyncCursor.LOG, 0, null, last.xid(), last.position(),
                0);
        return new Pulled(answer(client, changes, next, more), false);
    }

    private ChangesPage answer(SyncClient client, List<SyncChange> changes, SyncCursor next, boolean hasMore) {
        SyncCursor issued = new SyncCursor(next.generation(), next.mode(), next.kind(), next.inner(), next.xid(),
                next.position(), clock.instant().getEpochSecond());
        return new ChangesPage(changes, issued.encode(keys, client.clientId, client.subject), hasMore,
                client.lastMutationId);
    }

    /** What decides the caller's view beyond the records themselves: their roles and their unit scope. */
    private String scopeFingerprint() {
        String roles = caller.roles().stream().sorted().collect(Collectors.joining(","));
        String units = scope.unitIds().stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        return Digests.sha256Hex(roles + "|" + units);
    }
}
