package org.zuofeng.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.persistence.Ids;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends what is due, by Standard Webhooks: each message signed ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}), retried after a failure on the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h, each with up to 10 % jitter) and then given up; a 410 disables the subscription. Workers claim
 * due messages with {@code FOR UPDATE SKIP LOCKED} and lease them while they send, so replicas share the work and
 * never send one attempt twice. Every attempt goes in the delivery log.
 */
@ApplicationScoped
public class WebhookSender {

    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    private static final int BATCH = 20;
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final EntityManager em;
    private final WebhookService subscriptions;
    private final WebhookTargets targets;
    private final WebhookQueue queue;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookSender(EntityManager em, WebhookService subscriptions, WebhookTargets targets, WebhookQueue queue,
            Clock clock, WebhooksConfig config) {
        this.em = em;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.queue = queue;
        this.clock = clock;
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(every = "${zuofeng.webhooks.every:1s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        queue.queueAll();
        sendDue();
    }

    /** Sends every message due now, a batch at a time; answers how many attempts were made. */
    public int sendDue() {
        int sent = 0;
        List<Claimed> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claim);
            for (Claimed message : claimed) {
                send(message);
            }
            sent += claimed.size();
        } while (claimed.size() == BATCH);
        return sent;
    }

    /** A message this worker holds the lease of. */
    private record Claimed(UUID id, UUID subscriptionId, UUID eventId, String eventType, String payload,
            int attempts, Instant leasedUntil) {
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        Instant lease = now.plus(timeout.multipliedBy(2)).plusSeconds(30);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        update webhook_deliveries set leased_until = :lease
                        where id in (
                            select id from webhook_deliveries
                            where status = 'PENDING' and next_attempt_at <= :now
                              and (leased_until is null or leased_until < :now)
                            order by next_attempt_at
                            limit :batch
                            for update skip locked)
                        returning id, subscription_id, event_id, event_type, payload, attempts""")
                .setParameter("lease", lease).setParameter("now", now).setParameter("batch", BATCH)
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue(), lease)).toList();
    }

    private void send(Claimed message) {
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() ->
                em.find(WebhookSubscription.class, message.subscriptionId()));
        if (subscription == null) {
            return;
        }
        Instant started = clock.instant();
        Integer status = null;
        String error = null;
        Optional<String> refused = targets.refusal(subscription.url);
        if (refused.isPresent()) {
            error = "target refused: the URL " + refused.get();
        } else {
            try {
                long timestamp = started.getEpochSecond();
                String id = message.id().toString();
                HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url)).timeout(timeout)
                        .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                        .header("User-Agent", "Zuofeng-Webhooks/1")
                        .header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSigner.signature(
                                subscriptions.secrets(subscription, started), id, timestamp, message.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(message.payload())).build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        Integer answered = status;
        String failure = error;
        int took = (int) Duration.between(started, clock.instant()).toMillis();
        QuarkusTransaction.requiringNew().run(() -> settle(message, subscription.id, answered, failure, started,
                Math.max(took, 0)));
    }

    private void settle(Claimed message, UUID subscriptionId, Integer status, String error, Instant at, int took) {
        int attempt = message.attempts() + 1;
        String outcome;
        Instant next = null;
        if (status != null && status >= 200 && status < 300) {
            outcome = "DELIVERED";
        } else if (status != null && status == 410) {
            outcome = "GONE";
        } else if (attempt <= RETRIES.size()) {
            outcome = "RETRYING";
            Duration delay = RETRIES.get(attempt - 1);
            next = at.plus(delay).plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 10 + 1));
        } else {
            outcome = "FAILED";
        }
        int updated = em.createNativeQuery("""
                        update webhook_deliveries
                        set attempts = :attempt, leased_until = null,
                            next_attempt_at = case when :retrying then cast(:next as timestamptz) end,
                            status = :status,
                            delivered_at = case when :delivered then cast(:at as timestamptz) end
                        where id = :id and leased_until = :lease""")
                .setParameter("attempt", attempt).setParameter("retrying", next != null)
                .setParameter("next", next == null ? at : next).setParameter("at", at)
                .setParameter("status", switch (outcome) {
                    case "DELIVERED" -> "DELIVERED";
                    case "RETRYING" -> "PENDING";
                    default -> "FAILED";
                })
                .setParameter("delivered", "DELIVERED".equals(outcome))
                .setParameter("id", message.id()).setParameter("lease", message.leasedUntil()).executeUpdate();
        if (updated == 0) {
            LOG.warnf("Webhook message %s: its lease lapsed while it was sent; the next worker sends it again",
                    message.id());
            return;
        }
        WebhookAttempt log = new WebhookAttempt();
        log.id = Ids.newId();
        log.deliveryId = message.id();
        log.subscriptionId = subscriptionId;
        log.eventId = message.eventId();
        log.eventType = message.eventType();
        log.attempt = attempt;
        log.attemptedAt = at;
        log.statusCode = status;
        log.error = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        log.durationMs = took;
        log.outcome = outcome;
        log.nextAttemptAt = next;
        em.persist(log);
        if ("GONE".equals(outcome)) {
            em.createNativeQuery("""
                            update webhook_subscriptions set status = 'DISABLED', disabled_reason = :reason
                            where id = :id""")
                    .setParameter("reason", "The receiver answered 410 Gone at " + at + "; nothing more is sent")
                    .setParameter("id", subscriptionId).executeUpdate();
            em.createNativeQuery("""
                            update webhook_deliveries set status = 'CANCELLED', leased_until = null
                            where subscription_id = :id and status = 'PENDING'""")
                    .setParameter("id", subscriptionId).executeUpdate();
        }
    }
}
