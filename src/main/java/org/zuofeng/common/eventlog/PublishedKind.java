package org.zuofeng.common.eventlog;

import org.zuofeng.common.changelog.SyncedRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A kind of record whose changes other systems follow on the event feed: implemented by the feature that owns it,
 * which alone knows who may see which record and how the API shows it.
 */
public interface PublishedKind {

    /** The entity type of the record's audit events, e.g. {@code supervision-notice}. */
    String entityType();

    /** Its name in event types ({@code org.zuofeng.<name>.<what>}), e.g. {@code notice}. */
    String eventName();

    /** The collection the record lives in, the events' {@code source}, e.g. {@code /api/v1/notices}. */
    String source();

    /** Those of these records the caller may see, as their ordinary {@code GET} shows them now. */
    List<SyncedRecord> visible(Collection<UUID> ids);

    /** Whether audit events of this action are published; all of them for most kinds. */
    default boolean publishes(String action) {
        return true;
    }

    /** The covert inspection, still under way, that holds back the events of this record; empty for most. */
    default Optional<UUID> heldBackBy(UUID id) {
        return Optional.empty();
    }

    /** {@link #heldBackBy(UUID)} for each of these records: the held ones, by id, to the inspection that holds them. */
    default Map<UUID, UUID> heldBackBy(Collection<UUID> ids) {
        Map<UUID, UUID> held = new HashMap<>();
        for (UUID id : ids) {
            heldBackBy(id).ifPresent(inspection -> held.put(id, inspection));
        }
        return held;
    }
}
