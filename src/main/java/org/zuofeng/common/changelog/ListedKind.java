package org.zuofeng.common.changelog;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.eventlog.PublishedKind;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A {@link SyncedKind}, published on the event feed too ({@link PublishedKind}), served by its feature's own list:
 * the list restricted to some ids (none: all of them), in a stable order, so that a device and another system get
 * exactly what the list and the {@code GET} show the caller.
 */
public abstract class ListedKind<V extends Versioned> implements SyncedKind, PublishedKind {

    /**
     * What names the kind: in the change log and on the wire ({@code entity}), its place in a snapshot
     * ({@code order}), its audit entity type, its name in event types, and its collection (the events' source).
     */
    public record Names(String entity, int order, String entityType, String eventName, String source) {
    }

    protected abstract Names names();

    /**
     * The list, restricted to {@code ids} when given (never empty), in an order of the kind's choosing that keyset
     * paging keeps stable: by id for most, the order its indexes read cheapest for the caller's share for some.
     */
    protected abstract Page<V> list(Collection<UUID> ids, PageRequest page);

    protected abstract UUID idOf(V view);

    @Override
    public String entity() {
        return names().entity();
    }

    @Override
    public int order() {
        return names().order();
    }

    @Override
    public String entityType() {
        return names().entityType();
    }

    @Override
    public String eventName() {
        return names().eventName();
    }

    @Override
    public String source() {
        return names().source();
    }

    @Override
    public Page<SyncedRecord> snapshot(String cursor, int limit) {
        return list(null, new PageRequest(limit, cursor, false)).map(this::record);
    }

    @Override
    public List<SyncedRecord> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return list(ids, new PageRequest(ids.size(), null, false)).items().stream().map(this::record).toList();
    }

    private SyncedRecord record(V view) {
        return new SyncedRecord(idOf(view), view.version(), view);
    }
}
