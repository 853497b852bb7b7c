package org.zuofeng.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.changelog.ChangePosition;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.security.RunAs;
import org.zuofeng.events.CloudEvent;
import org.zuofeng.events.EventFeed;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Queues the events each active subscription should receive: it reads the feed from the subscription's position as
 * its owner (their roles, their scope, their masking), writes one message per event, and moves the position, in one
 * transaction that holds the subscription's row, so replicas doing the same at once queue each event once. A
 * message's body is kept sealed: it may show personal data, as the owner may read it.
 */
@ApplicationScoped
public class WebhookQueue {

    static final int PAGE = 100;
    private static final int PAGES_PER_RUN = 20;

    private final EntityManager em;
    private final EventFeed feed;
    private final RunAs runAs;
    private final ObjectMapper json;
    private final WebhookSecrets secrets;
    private final Clock clock;

    public WebhookQueue(EntityManager em, EventFeed feed, RunAs runAs, ObjectMapper json, WebhookSecrets secrets,
            Clock clock) {
        this.em = em;
        this.feed = feed;
        this.runAs = runAs;
        this.json = json;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Queues what is new for every active subscription; answers how many messages were queued. */
    public int queueAll() {
        List<UUID> active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select s.id from WebhookSubscription s where s.status = :active", UUID.class)
                .setParameter("active", WebhookStatus.ACTIVE).getResultList());
        int queued = 0;
        for (UUID id : active) {
            for (int page = 0; page < PAGES_PER_RUN; page++) {
                Queued step = queue(id);
                queued += step.messages();
                if (!step.more()) {
                    break;
                }
            }
        }
        return queued;
    }

    private record Queued(int messages, boolean more) {
    }

    /** One page of the feed for one subscription, unless another replica holds it now. */
    private Queued queue(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> held = em.createNativeQuery("""
                            select feed_xid, feed_position, owner_subject, owner_roles, event_types
                            from webhook_subscriptions where id = :id and status = 'ACTIVE'
                            for update skip locked""")
                    .setParameter("id", id).getResultList();
            if (held.isEmpty()) {
                return new Queued(0, false);
            }
            Object[] row = held.get(0);
            ChangePosition from = new ChangePosition(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            Set<String> roles = Set.of((String[]) row[3]);
            List<String> types = List.of((String[]) row[4]);
            EventFeed.Read read = runAs.call((String) row[2], roles, () -> feed.page(from, types, PAGE));
            for (CloudEvent event : read.events()) {
                UUID message = Ids.newId();
                em.createNativeQuery("""
                                insert into webhook_deliveries
                                    (id, subscription_id, event_id, event_type, sealed_payload, status, next_attempt_at,
                                     created_at)
                                values (:id, :subscription, :event, :type, :sealed, 'PENDING', :now, :now)""")
                        .setParameter("id", message).setParameter("subscription", id)
                        .setParameter("event", UUID.fromString(event.id())).setParameter("type", event.type())
                        .setParameter("sealed", secrets.sealPayload(message, body(event)))
                        .setParameter("now", clock.instant()).executeUpdate();
            }
            // Not through the entity: moving along the feed is not a change of the subscription (its version stays).
            em.createNativeQuery("""
                            update webhook_subscriptions set feed_xid = :xid, feed_position = :position
                            where id = :id""")
                    .setParameter("xid", read.next().xid()).setParameter("position", read.next().position())
                    .setParameter("id", id).executeUpdate();
            return new Queued(read.events().size(), read.hasMore());
        });
    }

    private String body(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event that cannot be written as JSON", e);
        }
    }
}
