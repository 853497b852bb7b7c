package org.zuofeng.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt to deliver a message, by Standard Webhooks: signed ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}), to a target that passes {@link WebhookTargets} at the moment it is sent, connecting to
 * the address that passed the check (the host name goes in {@code Host} and as the TLS server name, and is verified
 * against the certificate), never to whatever the name resolves to a second time.
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

    @Inject
    WebhookCall(WebhookTargets targets, WebhooksConfig config, Vertx vertx) {
        this(targets, config.timeout(), vertx);
    }

    WebhookCall(WebhookTargets targets, Duration timeout, Vertx vertx) {
        this.targets = targets;
        this.timeout = timeout;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true).setForceSni(true).setKeepAlive(false));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    Answer post(String url, UUID messageId, Instant at, String payload, List<String> secrets) {
        WebhookTargets.Target target;
        try {
            target = targets.check(url);
        } catch (WebhookTargets.Refused refused) {
            return new Answer(null, "target refused: the URL " + refused.getMessage());
        }
        String id = messageId.toString();
        long timestamp = at.getEpochSecond();
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls())
                .setURI(target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery())
                .setTimeout(timeout.toMillis()).setFollowRedirects(false)
                .putHeader("Content-Type", "application/cloudevents+json; charset=utf-8")
                .putHeader("User-Agent", "Zuofeng-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.signature(secrets, id, timestamp, payload));
        try {
            // Only the status matters: the body, however long, is not read (the connection is closed).
            int status = http.request(request).compose(req -> req.send(Buffer.buffer(payload)))
                    .map(response -> {
                        response.request().connection().close();
                        return response.statusCode();
                    }).toCompletionStage().toCompletableFuture()
                    .get(timeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(status, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String error = cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                    : ": " + cause.getMessage());
            return new Answer(null, error.substring(0, Math.min(error.length(), 500)));
        }
    }
}
