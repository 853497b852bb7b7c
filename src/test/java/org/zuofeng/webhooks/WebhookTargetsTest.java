package org.zuofeng.webhooks;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.WebhookReceiver;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks are safe to point outward: no internal address passes, whatever form it is written in, and an attempt
 * connects to the address that passed the check, never to what the name resolves to afterwards.
 */
class WebhookTargetsTest {

    private static WebhookTargets resolvingTo(String allowed, String... addresses) {
        return new WebhookTargets(allowed, host -> {
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        });
    }

    @Test
    void anInternalAddressInAnyOfItsFormsIsRefused() {
        for (String internal : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "198.18.0.1", "240.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1",
                "::10.0.0.1", "2002:a00:1::", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1")) {
            assertTrue(resolvingTo("", internal).refusal("https://hooks.example.org/x").isPresent(), internal);
        }
        for (String external : List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822")) {
            assertEquals(java.util.Optional.empty(), resolvingTo("", external)
                    .refusal("https://hooks.example.org/x"), external);
        }
        assertTrue(resolvingTo("", "93.184.216.34", "10.0.0.1").refusal("https://hooks.example.org/x").isPresent(),
                "one internal address among several is enough to refuse");
    }

    @Test
    void anAttemptConnectsToTheAddressThatPassedTheCheckNotToASecondResolution() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            int port = URI.create(receiver.url()).getPort();
            AtomicInteger lookups = new AtomicInteger();
            // The name resolves once to the receiver, and to nowhere after that (as a rebinding name would change):
            // the attempt still reaches the receiver, because it never looks the name up again.
            WebhookTargets targets = new WebhookTargets("rebinding.invalid:*", host -> {
                if (lookups.incrementAndGet() > 1) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            });
            WebhookCall call = new WebhookCall(targets, Duration.ofSeconds(5), vertx);
            String url = "http://rebinding.invalid:" + port + URI.create(receiver.url()).getPath();

            WebhookCall.Answer answer = call.post(url, UUID.randomUUID(), Instant.now(), "{}",
                    List.of(WebhookSigner.newSecret()));

            assertEquals(200, answer.status(), answer.error());
            assertEquals(1, receiver.received().size());
            assertEquals("rebinding.invalid:" + port, receiver.received().get(0).header("host"));
            assertEquals(1, lookups.get());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
