package org.zuofeng.webhooks;

import org.zuofeng.common.concurrency.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it; {@code secret} only in the answer that made it (creation, rotation), never
 * again.
 */
public record WebhookSubscriptionView(UUID id, String url, List<String> eventTypes, String description,
        WebhookStatus status, String disabledReason, String owner, String secret, OffsetDateTime previousSecretUntil,
        OffsetDateTime grantedUntil, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt)
        implements Versioned {

    WebhookSubscriptionView withSecret(String shown) {
        return new WebhookSubscriptionView(id, url, eventTypes, description, status, disabledReason, owner, shown,
                previousSecretUntil, grantedUntil, version, createdAt, updatedAt);
    }
}
