package org.zuofeng.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.eventlog.EventOutbox;
import org.zuofeng.common.persistence.AuditedEntity;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.privacy.Masking;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.web.RequestCorrelation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Makes every write attributable: stamps who and when on the record, and appends an audit event with the record's
 * before and after images (personal data masked) in the caller's transaction, so the two commit or fail together; the
 * {@link EventOutbox} publishes it to other systems in the same transaction.
 */
@ApplicationScoped
public class AuditTrail {

    /** The action of an event recording that personal data was shown unmasked. */
    public static final String READ_PERSONAL_DATA = "READ_PERSONAL_DATA";
    /** The action of an event recording that a covert inspection's records were read before its completion. */
    public static final String READ_COVERT = "READ_COVERT";

    /** Audit images mask every personal-data member, whoever the caller. */
    private static final ObjectMapper IMAGES = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setAnnotationIntrospector(new Masking.MaskingIntrospector());

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;
    private final RequestCorrelation correlation;
    private final Disclosures disclosures;
    private final EventOutbox outbox;

    public AuditTrail(EntityManager em, Caller caller, Clock clock, RequestCorrelation correlation,
            Disclosures disclosures, EventOutbox outbox) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.correlation = correlation;
        this.disclosures = disclosures;
        this.outbox = outbox;
    }

    /** Gives a new record its id (unless the client brought one) and its creation attribution. */
    public void stampCreated(AuditedEntity entity) {
        if (entity.id == null) {
            entity.id = Ids.newId();
        }
        Instant now = clock.instant();
        entity.createdAt = now;
        entity.createdBy = caller.subject();
        entity.updatedAt = now;
        entity.updatedBy = caller.subject();
    }

    /** Records who changed the record, and when. */
    public void stampUpdated(AuditedEntity entity) {
        entity.updatedAt = clock.instant();
        entity.updatedBy = caller.subject();
    }

    /** One change of a record: its read model before (none for a creation) and after. */
    public record Change(UUID entityId, Object before, Object after) {
    }

    /**
     * Appends an event to the audit log.
     *
     * @param before the record's read model before the change, {@code null} for a creation
     * @param after  the record's read model after the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, UUID entityId, Object before, Object after) {
        recordAll(action, entityType, List.of(new Change(entityId, before, after)));
    }

    /** Appends an event for each change, in order; their feed events are written together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String action, String entityType, List<Change> changes) {
        List<EventOutbox.Audited> published = new ArrayList<>(changes.size());
        for (Change change : changes) {
            AuditEvent event = newEvent(action, entityType);
            event.entityId = change.entityId();
            event.before = image(change.before());
            event.after = image(change.after());
            em.persist(event);
            published.add(new EventOutbox.Audited(event.id, action, entityType, change.entityId(), event.occurredAt,
                    event.after));
        }
        outbox.append(published);
    }

    /**
     * Appends the event of a record an anonymous member of the public made, attributed to {@code actor}, at
     * {@code at} (the start of its day): no request or trace id and no time finer than the day, which a network log
     * could tie to the person (a public report).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordUntraced(String action, String entityType, UUID entityId, Object after, Instant at,
            String actor) {
        AuditEvent event = newEvent(action, entityType);
        event.occurredAt = at;
        event.actor = actor;
        event.requestId = null;
        event.clientRequestId = null;
        event.traceId = null;
        event.entityId = entityId;
        event.after = image(after);
        em.persist(event);
        outbox.append(List.of(new EventOutbox.Audited(event.id, action, entityType, entityId, at, event.after)));
    }

    /**
     * Records that the caller was shown sensitive records ({@link #READ_PERSONAL_DATA}, {@link #READ_COVERT}): one
     * event per request, listing every id ({@code entityId} too when there is just one). Nothing when none. The read
     * is also noted among the request's {@link Disclosures}, so that a replay of its answer is recorded alike.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordRead(String action, String entityType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (Disclosures.active()) {
            disclosures.add(action, entityType, ids);
        }
        AuditEvent event = newEvent(action, entityType);
        event.entityId = ids.size() == 1 ? ids.iterator().next() : null;
        event.entityIds = ids.toArray(UUID[]::new);
        em.persist(event);
    }

    private AuditEvent newEvent(String action, String entityType) {
        AuditEvent event = new AuditEvent();
        event.id = Ids.newId();
        event.occurredAt = clock.instant();
        event.actor = caller.subject();
        event.action = action;
        event.entityType = entityType;
        RequestCorrelation.Correlation current = correlation.current();
        event.requestId = current.requestId();
        event.clientRequestId = current.clientRequestId();
        event.traceId = current.traceId();
        return event;
    }

    private static JsonNode image(Object view) {
        return view == null ? null : IMAGES.valueToTree(view);
    }
}
