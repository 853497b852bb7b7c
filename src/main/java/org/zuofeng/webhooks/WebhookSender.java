package org.zuofeng.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.jobs.Batches;
import org.zuofeng.common.jobs.Leases;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.security.RunAs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends what is due, by Standard Webhooks ({@link WebhookCall}), retried after a failure on the Standard Webhooks
 * schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, each with up to 10 % jitter) and then given up; a 410 disables
 * the subscription. Replicas share the work through {@link Leases}: a worker claims due messages, and renews its lease
 * on each one right before sending it, so a message it no longer holds (its lease lapsed and another worker took it)
 * is not sent by it, and no message is sent twice by the replica set. A message of a subscription that is no longer
 * active is cancelled, not sent. Every attempt goes in the delivery log; finished messages go after their retention.
 */
@ApplicationScoped
public class WebhookSender {

    static final String TABLE = "webhook_deliveries";
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    private static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final EntityManager em;
    private final Leases leases;
    private final WebhookQueue queue;
    private final WebhookGrants grants;
    private final WebhookSecrets secrets;
    private final WebhookCall call;
    private final RunAs runAs;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;

    public WebhookSender(EntityManager em, Leases leases, WebhookQueue queue, WebhookGrants grants,
            WebhookSecrets secrets, WebhookCall call, RunAs runAs, Clock clock, WebhooksConfig config) {
        this.em = em;
        this.leases = leases;
        this.queue = queue;
        this.grants = grants;
        this.secrets = secrets;
        this.call = call;
        this.runAs = runAs;
        this.clock = clock;
        // Longer than one attempt can take (connecting, then answering, each within the timeout).
        this.lease = config.timeout().multipliedBy(2).plusSeconds(30);
        this.retention = config.retention();
    }

    @Scheduled(every = "${zuofeng.webhooks.every:1s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runAs.system(() -> QuarkusTransaction.requiringNew().run(grants::lapseUnrenewed));
        queue.queueAll();
        sendDue();
    }

    @Scheduled(every = "1h", delayed = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeScheduled() {
        purgeFinished();
    }

    /** Sends every message due now, a batch at a time; answers how many attempts this worker made. */
    public int sendDue() {
        int sent = 0;
        Leases.Claimed claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(() -> leases.claim(TABLE,
                    "status = 'PENDING' and next_attempt_at <= :now", Map.of(), "next_attempt_at", BATCH, lease));
            for (UUID id : claimed.ids()) {
                sent += send(id, claimed.holder()) ? 1 : 0;
            }
        } while (claimed.ids().size() == BATCH);
        return sent;
    }

    /** Deletes the messages finished longer ago than their retention, with their delivery log. */
    public Batches.Result purgeFinished() {
        Instant before = clock.instant().minus(retention);
        return Batches.repeat(BATCH * 50, () -> em.createNativeQuery("""
                        delete from webhook_deliveries where id in (
                            select id from webhook_deliveries where status <> 'PENDING' and finished_at < :before
                            limit :limit for update skip locked)""")
                .setParameter("before", before).setParameter("limit", BATCH * 50).executeUpdate());
    }

    /** A message this worker holds, ready to send. */
    private record Message(UUID id, String holder, WebhookSubscription subscription, UUID eventId, String eventType,
            String payload, int attempts) {
    }

    private boolean send(UUID id, String holder) {
        Message message = QuarkusTransaction.requiringNew().call(() -> take(id, holder));
        if (message == null) {
            return false;
        }
        Instant started = clock.instant();
        WebhookCall.Answer answer = call.post(message.subscription().url, message.id(), started, message.payload(),
                secrets.signing(message.subscription(), started));
        int took = (int) Math.max(0, Duration.between(started, clock.instant()).toMillis());
        QuarkusTransaction.requiringNew().run(() -> settle(message, answer, started, took));
        return true;
    }

    /** The message, if this worker still holds it (renewed for the attempt) and its subscription still sends. */
    private Message take(UUID id, String holder) {
        if (!leases.renew(TABLE, id, holder, lease)) {
            return null;
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                        select subscription_id, event_id, event_type, payload, sealed_payload, attempts
                        from webhook_deliveries where id = :id""").setParameter("id", id).getSingleResult();
        WebhookSubscription subscription = em.find(WebhookSubscription.class, row[0]);
        if (subscription.status != WebhookStatus.ACTIVE) {
            leases.settle(TABLE, id, holder, "status = 'CANCELLED', finished_at = :now",
                    Map.of("now", clock.instant()));
            return null;
        }
        em.detach(subscription);
        String payload = row[4] != null ? secrets.openPayload(id, (byte[]) row[4]) : (String) row[3];
        return new Message(id, holder, subscription, (UUID) row[1], (String) row[2], payload,
                ((Number) row[5]).intValue());
    }

    private void settle(Message message, WebhookCall.Answer answer, Instant at, int took) {
        int attempt = message.attempts() + 1;
        String outcome;
        Instant next = null;
        if (answer.delivered()) {
            outcome = "DELIVERED";
        } else if (answer.gone()) {
            outcome = "GONE";
        } else if (attempt <= RETRIES.size()) {
            outcome = "RETRYING";
            Duration delay = RETRIES.get(attempt - 1);
            next = at.plus(delay).plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 10 + 1));
        } else {
            outcome = "FAILED";
        }
        String status = switch (outcome) {
            case "DELIVERED" -> "DELIVERED";
            case "RETRYING" -> "PENDING";
            default -> "FAILED";
        };
        boolean held = leases.settle(TABLE, message.id(), message.holder(), """
                attempts = :attempt, status = :status,
                next_attempt_at = case when :retrying then cast(:next as timestamptz) end,
                delivered_at = case when :delivered then cast(:at as timestamptz) end,
                finished_at = case when :retrying then null else cast(:at as timestamptz) end""",
                Map.of("attempt", attempt, "status", status, "retrying", next != null, "next", next == null ? at : next,
                        "delivered", "DELIVERED".equals(outcome), "at", at));
        if (!held) {
            // Cancelled while it was sent (its subscription stopped), or deleted with it: the attempt still happened.
            LOG.debugf("Webhook message %s was settled elsewhere while it was sent", message.id());
            if (em.find(WebhookSubscription.class, message.subscription().id) == null) {
                return;
            }
        }
        WebhookAttempt log = new WebhookAttempt();
        log.id = Ids.newId();
        log.deliveryId = message.id();
        log.subscriptionId = message.subscription().id;
        log.eventId = message.eventId();
        log.eventType = message.eventType();
        log.attempt = attempt;
        log.attemptedAt = at;
        log.statusCode = answer.status();
        log.error = answer.error();
        log.durationMs = took;
        log.outcome = outcome;
        log.nextAttemptAt = next;
        em.persist(log);
        if ("GONE".equals(outcome)) {
            runAs.system(() -> grants.disableGone(message.subscription().id, at));
        }
    }
}
