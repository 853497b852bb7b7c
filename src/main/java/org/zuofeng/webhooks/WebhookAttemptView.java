package org.zuofeng.webhooks;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a subscription's delivery log. */
public record WebhookAttemptView(UUID id, UUID messageId, UUID eventId, String eventType, int attempt,
        OffsetDateTime attemptedAt, Integer statusCode, String error, int durationMs, String outcome,
        OffsetDateTime nextAttemptAt) {
}
