package org.zuofeng.common.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EntityManager em;
    private final Map<String, PublishedKind> byEntityType;

    public EventOutbox(EntityManager em, Instance<PublishedKind> kinds) {
        this.em = em;
        this.byEntityType = kinds.stream().collect(Collectors.toMap(PublishedKind::entityType, Function.identity()));
    }

    /** An audit event, as far as the feed needs it. */
    public record Audited(UUID auditId, String action, String entityType, UUID entityId, Instant occurredAt,
            JsonNode after) {
    }

    /**
     * Publishes those of these audit events whose kind and action are published, in their order, with one statement
     * whatever their number (a device's push records a thousand findings at once).
     */
    public void append(List<Audited> events) {
        record Published(Audited event, String type) {
        }
        List<Published> published = new ArrayList<>();
        Map<String, List<UUID>> idsByKind = new HashMap<>();
        for (Audited event : events) {
            PublishedKind kind = byEntityType.get(event.entityType());
            if (kind == null || event.entityId() == null || !kind.publishes(event.action())) {
                continue;
            }
            EventTypes.of(kind, event.action(), event.after()).ifPresent(type -> {
                published.add(new Published(event, type));
                idsByKind.computeIfAbsent(event.entityType(), t -> new ArrayList<>()).add(event.entityId());
            });
        }
        if (published.isEmpty()) {
            return;
        }
        em.flush();
        Map<String, Map<UUID, UUID>> heldBy = new HashMap<>();
        idsByKind.forEach((entityType, ids) -> heldBy.put(entityType, byEntityType.get(entityType).heldBackBy(ids)));
        ArrayNode rows = JSON.arrayNode();
        for (int n = 0; n < published.size(); n++) {
            Audited event = published.get(n).event();
            UUID held = heldBy.get(event.entityType()).get(event.entityId());
            rows.addObject().put("n", n).put("audit_id", event.auditId().toString())
                    .put("type", published.get(n).type())
                    .put("entity_type", event.entityType()).put("entity_id", event.entityId().toString())
                    .put("occurred_at", event.occurredAt().toString())
                    .put("held_by", held == null ? null : held.toString());
        }
        em.createNativeQuery("""
                        insert into event_log (audit_id, type, entity_type, entity_id, occurred_at, held_by)
                        select audit_id, type, entity_type, entity_id, occurred_at, held_by
                        from jsonb_to_recordset(cast(:rows as jsonb))
                            as e(n int, audit_id uuid, type text, entity_type text, entity_id uuid,
                                 occurred_at timestamptz, held_by uuid)
                        order by n""")
                .setParameter("rows", rows.toString()).executeUpdate();
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
