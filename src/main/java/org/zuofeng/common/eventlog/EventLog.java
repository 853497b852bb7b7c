package org.zuofeng.common.eventlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.changelog.ChangePosition;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The event feed as readers see it: its stable past, in the order of the change log (transaction id, then position,
 * below {@link org.zuofeng.common.changelog.ChangeLog#horizon()}), so that an event of a transaction that commits after
 * a later one is never skipped. Held-back events are not served.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EventLog {

    /** One published event: the audit event {@code auditId} of record {@code entityId}, under {@code type}. */
    public record Logged(ChangePosition position, UUID auditId, String type, String entityType, UUID entityId,
            Instant occurredAt) {
    }

    private final EntityManager em;

    public EventLog(EntityManager em) {
        this.em = em;
    }

    /** At most {@code limit} events after {@code position} and below {@code horizon}, of {@code types} if given. */
    public List<Logged> after(ChangePosition position, long horizon, Collection<String> types, int limit) {
        var query = em.createNativeQuery("""
                        select xid, position, audit_id, type, entity_type, entity_id, occurred_at from event_log
                        where (xid, position) > (:xid, :position) and xid < :horizon and held_by is null"""
                        + (types.isEmpty() ? "" : " and type in (:types)") + """

                        order by xid, position
                        limit :limit""")
                .setParameter("xid", position.xid()).setParameter("position", position.position())
                .setParameter("horizon", horizon).setParameter("limit", limit);
        if (!types.isEmpty()) {
            query.setParameter("types", types);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Logged(
                new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue()), (UUID) row[2],
                (String) row[3], (String) row[4], (UUID) row[5], instant(row[6]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
