package org.zuofeng.common.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the event feed: every audit event of a published kind becomes an event in the same transaction (an outbox),
 * so that the feed holds exactly the changes that committed. Events of a covert inspection's records are held back
 * while it is under way and published when it completes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventOutbox {

    private final EntityManager em;
    private final Map<String, PublishedKind> byEntityType;

    public EventOutbox(EntityManager em, Instance<PublishedKind> kinds) {
        this.em = em;
        this.byEntityType = kinds.stream().collect(Collectors.toMap(PublishedKind::entityType, Function.identity()));
    }

    /** Publishes the audit event {@code auditId}, if its kind and action are published. */
    public void append(UUID auditId, String action, String entityType, UUID entityId, Instant occurredAt,
            JsonNode after) {
        PublishedKind kind = byEntityType.get(entityType);
        if (kind == null || entityId == null || !kind.publishes(action)) {
            return;
        }
        EventTypes.of(kind, action, after).ifPresent(type -> {
            em.flush();
            em.createNativeQuery("""
                            insert into event_log (audit_id, type, entity_type, entity_id, occurred_at, held_by)
                            values (:audit, :type, :entityType, :entityId, :at, cast(:heldBy as uuid))""")
                    .setParameter("audit", auditId).setParameter("type", type)
                    .setParameter("entityType", entityType).setParameter("entityId", entityId)
                    .setParameter("at", occurredAt)
                    .setParameter("heldBy", kind.heldBackBy(entityId).map(UUID::toString).orElse(null))
                    .executeUpdate();
        });
    }

    /**
     * Publishes what the covert inspection {@code inspectionId} held back, now that it is completed, in the order it
     * happened; the held rows go (the audit log keeps every event), so a later completion publishes nothing twice.
     */
    public void release(UUID inspectionId) {
        em.flush();
        em.createNativeQuery("""
                        with held as (delete from event_log where held_by = :inspection
                            returning position, audit_id, type, entity_type, entity_id, occurred_at)
                        insert into event_log (audit_id, type, entity_type, entity_id, occurred_at)
                        select audit_id, type, entity_type, entity_id, occurred_at from held order by position""")
                .setParameter("inspection", inspectionId).executeUpdate();
    }
}
