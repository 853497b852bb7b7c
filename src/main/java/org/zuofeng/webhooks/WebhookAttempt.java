package org.zuofeng.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver a message, as the delivery log shows it. */
@Entity
@Table(name = "webhook_attempts")
public class WebhookAttempt {

    @Id
    public UUID id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    /** {@code DELIVERED}, {@code RETRYING}, {@code FAILED} (no more attempts) or {@code GONE} (410: disabled). */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
