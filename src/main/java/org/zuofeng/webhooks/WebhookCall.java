package org.zuofeng.webhooks;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One attempt to deliver a message, by Standard Webhooks: signed ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}), to a target that passes {@link WebhookTargets} at the moment it is sent.
 */
@ApplicationScoped
class WebhookCall {

    /** What the receiver answered: its status, or why there was none. */
    record Answer(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        boolean gone() {
            return status != null && status == 410;
        }
    }

    private final WebhookTargets targets;
    private final Duration timeout;
    private final HttpClient http;

    WebhookCall(WebhookTargets targets, WebhooksConfig config) {
        this.targets = targets;
        this.timeout = config.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Answer post(String url, UUID messageId, Instant at, String payload, List<String> secrets) {
        Optional<String> refused = targets.refusal(url);
        if (refused.isPresent()) {
            return new Answer(null, "target refused: the URL " + refused.get());
        }
        try {
            long timestamp = at.getEpochSecond();
            String id = messageId.toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("User-Agent", "Zuofeng-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSigner.signature(secrets, id, timestamp, payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
            return new Answer(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Answer(null, error.substring(0, Math.min(error.length(), 500)));
        }
    }
}
