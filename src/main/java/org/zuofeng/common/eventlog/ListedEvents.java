package org.zuofeng.common.eventlog;

import org.zuofeng.common.changelog.SyncedRecord;
import org.zuofeng.common.concurrency.Versioned;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A {@link PublishedKind} that is not synced to devices, shown as its feature's list shows the reader. */
public abstract class ListedEvents<V extends Versioned> implements PublishedKind {

    /** The kind's audit entity type, its name in event types, and its collection (the events' source). */
    public record Names(String entityType, String eventName, String source) {
    }

    protected abstract Names names();

    /** Those of these records the reader may see, as the list shows them (never called with no ids). */
    protected abstract List<V> visibleAmong(Collection<UUID> ids);

    protected abstract UUID idOf(V view);

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
    public List<SyncedRecord> visible(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return visibleAmong(ids).stream().map(v -> new SyncedRecord(idOf(v), v.version(), v)).toList();
    }
}
