package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.ServerKeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What is sealed for a subscription under {@code ZUOFENG_SECRET}: its signing secrets (bound to the subscription) and
 * the bodies of its messages (bound to the message), which show records as its owner may read them.
 */
@ApplicationScoped
class WebhookSecrets {

    private static final String SECRET_PURPOSE = "webhook-secret";
    private static final String PAYLOAD_PURPOSE = "webhook-payload";

    private final ServerKeys keys;

    WebhookSecrets(ServerKeys keys) {
        this.keys = keys;
    }

    byte[] sealSecret(UUID subscriptionId, String secret) {
        return keys.seal(SECRET_PURPOSE, secret.getBytes(StandardCharsets.UTF_8), context(subscriptionId));
    }

    /** The secrets that sign a message now: the current one, and the previous one during its overlap. */
    List<String> signing(WebhookSubscription subscription, Instant now) {
        List<String> secrets = new ArrayList<>(List.of(open(subscription.id, subscription.secret)));
        if (subscription.previousSecret != null && now.isBefore(subscription.previousSecretUntil)) {
            secrets.add(open(subscription.id, subscription.previousSecret));
        }
        return secrets;
    }

    byte[] sealPayload(UUID messageId, String payload) {
        return keys.seal(PAYLOAD_PURPOSE, payload.getBytes(StandardCharsets.UTF_8), context(messageId));
    }

    String openPayload(UUID messageId, byte[] sealed) {
        return new String(keys.open(PAYLOAD_PURPOSE, sealed, context(messageId)), StandardCharsets.UTF_8);
    }

    private String open(UUID subscriptionId, byte[] sealed) {
        return new String(keys.open(SECRET_PURPOSE, sealed, context(subscriptionId)), StandardCharsets.UTF_8);
    }

    private static byte[] context(UUID id) {
        return id.toString().getBytes(StandardCharsets.UTF_8);
    }
}
