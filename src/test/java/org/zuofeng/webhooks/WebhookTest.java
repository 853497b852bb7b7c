package org.zuofeng.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;
import org.zuofeng.support.WebhookReceiver;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.support.Api.as;

/** Webhooks: the feed pushed to another system, signed by Standard Webhooks, retried, and stopped by a 410. */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookSender sender;

    private final List<Subscription> subscribed = new java.util.ArrayList<>();

    @AfterEach
    void resetClockAndUnsubscribe() {
        clock.reset();
        for (Subscription subscription : subscribed) {
            long version = as("admin-1", "admin").get("/api/v1/webhook-subscriptions/{id}", subscription.id())
                    .then().statusCode(200).extract().jsonPath().getLong("version");
            as("admin-1", "admin").header("If-Match", "\"" + version + "\"")
                    .delete("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(204);
            as("admin-1", "admin").get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then()
                    .statusCode(404);
        }
    }

    record Subscription(String id, String secret, String owner, JsonPath view) {
    }

    private Subscription subscribe(WebhookReceiver receiver, List<String> types) {
        String owner = Fixtures.uniqueCode("system");
        JsonPath view = as(owner, "integration")
                .body(Map.of("url", receiver.url(), "eventTypes", types, "description", "组织部干部信息系统"))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        Subscription subscription = new Subscription(view.getString("id"), view.getString("secret"), owner, view);
        subscribed.add(subscription);
        return subscription;
    }

    private void deliver() {
        queue.queueAll();
        sender.sendDue();
    }

    /**
     * Queues and sends until the receiver has what the test waits for, for at most 20 s: the feed serves only its
     * stable past, so an event may be queued a moment after the request that made it was answered.
     */
    private void deliverUntil(WebhookReceiver receiver, java.util.function.Predicate<List<WebhookReceiver.Received>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        deliver();
        while (!done.test(receiver.received()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            deliver();
        }
    }

    @Test
    void aReceiverGetsWhatItsOwnerMayReadSignedSoTheStandardLibraryVerifiesIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of());
            as(subscription.owner(), "integration").get("/api/v1/webhook-subscriptions/{id}", subscription.id())
                    .then().statusCode(200).body("secret", nullValue());
            JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
            JsonPath notice = Fixtures.aNotice("RECTIFICATION_NOTICE", unit).issued();
            JsonPath draft = Fixtures.aNotice("SITUATION_BULLETIN", unit).draft();

            deliverUntil(receiver, got -> got.stream().anyMatch(r -> r.body().contains(notice.getString("id"))
                    && r.body().contains("org.zuofeng.notice.issued")));

            Map<String, Map<String, Object>> byType = new java.util.HashMap<>();
            for (WebhookReceiver.Received message : receiver.received()) {
                new Webhook(subscription.secret()).verify(message.body(), message.headers());
                assertEquals("application/cloudevents+json; charset=utf-8", message.header("content-type"));
                @SuppressWarnings("unchecked")
                Map<String, Object> event = JSON.readValue(message.body(), Map.class);
                if (notice.getString("id").equals(event.get("subject"))) {
                    byType.put((String) event.get("type"), event);
                }
            }
            assertTrue(byType.containsKey("org.zuofeng.notice.issued"), "the issued notice: " + byType.keySet());
            assertTrue(receiver.received().stream().noneMatch(r -> r.body().contains(draft.getString("id"))),
                    "a draft is not the integration client's to read");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) byType.get("org.zuofeng.notice.issued").get("data");
            assertEquals("ISSUED", data.get("status"));

            WebhookReceiver.Received tampered = receiver.received().get(0);
            assertThrows(WebhookVerificationException.class, () -> new Webhook(subscription.secret())
                    .verify(tampered.body().replace("\"", "'"), tampered.headers()));
        }
    }

    @Test
    void aFailedDeliveryIsTriedAgainOnTheStandardScheduleAndA410StopsTheSubscription() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath district = Fixtures.aDistrict();
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.unit.created"));
            Fixtures.aUnit().under(district).create();
            receiver.answer(500);
            deliverUntil(receiver, got -> !got.isEmpty());
            assertEquals(1, receiver.received().size());
            JsonPath log = deliveries(subscription);
            assertEquals("RETRYING", log.getString("items[0].outcome"));
            assertEquals(500, log.getInt("items[0].statusCode"));
            Duration wait = Duration.between(OffsetDateTime.parse(log.getString("items[0].attemptedAt")),
                    OffsetDateTime.parse(log.getString("items[0].nextAttemptAt")));
            assertTrue(wait.compareTo(Duration.ofSeconds(5)) >= 0 && wait.compareTo(Duration.ofMillis(5_501)) < 0,
                    "the second attempt 5 s later (with up to 10 % jitter): " + wait);

            sender.sendDue();
            assertEquals(1, receiver.received().size(), "not before it is due");
            clock.advance(Duration.ofSeconds(6));
            sender.sendDue();
            assertEquals(2, receiver.received().size(), "the second attempt");
            assertEquals(receiver.received().get(0).header("webhook-id"), receiver.received().get(1).header("webhook-id"),
                    "a retry is the same message");
            log = deliveries(subscription);
            wait = Duration.between(OffsetDateTime.parse(log.getString("items[0].attemptedAt")),
                    OffsetDateTime.parse(log.getString("items[0].nextAttemptAt")));
            assertTrue(wait.compareTo(Duration.ofMinutes(5)) >= 0 && wait.compareTo(Duration.ofSeconds(331)) < 0,
                    "then 5 min later: " + wait);

            receiver.answer(410);
            clock.advance(Duration.ofMinutes(6));
            sender.sendDue();
            assertEquals(3, receiver.received().size());
            assertEquals("GONE", deliveries(subscription).getString("items[0].outcome"));
            as(subscription.owner(), "integration").get("/api/v1/webhook-subscriptions/{id}", subscription.id())
                    .then().body("status", equalTo("DISABLED")).body("disabledReason", startsWith("The receiver answered 410"));

            Fixtures.aUnit().under(district).create();
            clock.advance(Duration.ofHours(1));
            deliver();
            assertEquals(3, receiver.received().size(), "nothing more after a 410");
        }
    }

    @Test
    void twoWorkersSendingAtOnceNeverSendOneAttemptTwice() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            FeedReader reader = new FeedReader("admin-1", "admin").fromNow();
            subscribe(receiver, List.of("org.zuofeng.unit.created"));
            JsonPath district = Fixtures.aDistrict();
            for (int i = 0; i < 30; i++) {
                Fixtures.aUnit().under(district).create();
            }
            reader.readUntil(read -> read.stream().filter(e -> e.getType().equals("org.zuofeng.unit.created"))
                    .count() >= 31);

            CompletableFuture<Integer> queueing = CompletableFuture.supplyAsync(queue::queueAll);
            CompletableFuture<Integer> queueingToo = CompletableFuture.supplyAsync(queue::queueAll);
            assertEquals(31, queueing.get(60, TimeUnit.SECONDS) + queueingToo.get(60, TimeUnit.SECONDS),
                    "the district and its 30 units, queued once between them");
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(sender::sendDue);
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(sender::sendDue);
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);

            Map<String, Long> byMessage = receiver.received().stream().collect(Collectors.groupingBy(
                    r -> r.header("webhook-id"), Collectors.counting()));
            Set<String> events = receiver.received().stream().map(r -> JsonPath.from(r.body()).getString("id"))
                    .collect(Collectors.toSet());
            assertEquals(31, events.size(), "every event sent");
            assertEquals(31, byMessage.size(), "as one message each");
            assertTrue(byMessage.values().stream().allMatch(n -> n == 1), "each message sent once: " + byMessage);
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForADay() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.unit.created"));
            String rotated = as(subscription.owner(), "integration")
                    .header("If-Match", "\"" + subscription.view().getLong("version") + "\"")
                    .post("/api/v1/webhook-subscriptions/{id}/secret-rotations", subscription.id()).then()
                    .statusCode(200).extract().path("secret");
            JsonPath district = Fixtures.aDistrict();
            deliverUntil(receiver, got -> !got.isEmpty());

            WebhookReceiver.Received message = receiver.received().get(receiver.received().size() - 1);
            new Webhook(rotated).verify(message.body(), message.headers());
            new Webhook(subscription.secret()).verify(message.body(), message.headers());
            assertEquals(2, message.header("webhook-signature").split(" ").length);

            clock.advance(Duration.ofHours(25));
            Fixtures.aUnit().under(district).create();
            deliverUntil(receiver, got -> got.size() >= 2);
            WebhookReceiver.Received later = receiver.received().get(receiver.received().size() - 1);
            assertEquals(1, later.header("webhook-signature").split(" ").length, "the old secret has lapsed");
        }
    }

    @Test
    void aReplaySendsAgainEveryEventAfterACursorOfTheFeed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.unit.created"));
            FeedReader reader = new FeedReader(subscription.owner(), "integration").fromNow();
            JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
            Function<WebhookReceiver.Received, String> subject = r -> JsonPath.from(r.body()).getString("subject");
            deliverUntil(receiver, got -> got.stream().anyMatch(r -> unit.getString("id").equals(subject.apply(r))));
            long before = receiver.received().stream().filter(r -> unit.getString("id").equals(subject.apply(r)))
                    .count();
            assertEquals(1, before);

            as(subscription.owner(), "integration").body(Map.of("cursor", reader.cursor()))
                    .post("/api/v1/webhook-subscriptions/{id}/replay", subscription.id()).then().statusCode(200);
            deliverUntil(receiver, got -> got.stream().filter(r -> unit.getString("id").equals(subject.apply(r)))
                    .count() >= 2);

            List<WebhookReceiver.Received> forUnit = receiver.received().stream()
                    .filter(r -> unit.getString("id").equals(subject.apply(r))).toList();
            assertEquals(2, forUnit.size(), "sent again");
            assertEquals(JsonPath.from(forUnit.get(0).body()).getString("id"),
                    JsonPath.from(forUnit.get(1).body()).getString("id"), "the same event");
        }
    }

    @Test
    void onlyAdminsAndIntegrationClientsSubscribeEachToItsOwnAndOnlyToSafeTargets() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of());
            as("someone-else", "integration").get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then()
                    .statusCode(404);
            as("admin-1", "admin").get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then()
                    .statusCode(200);
            as("officer-1", "unit-officer").get("/api/v1/webhook-subscriptions").then().statusCode(403);

            for (String url : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest", "http://example.org/hook",
                    "https://[::1]/hook", "https://localhost:8443/hook")) {
                as("admin-1", "admin").body(Map.of("url", url, "eventTypes", List.of()))
                        .post("/api/v1/webhook-subscriptions").then().statusCode(400)
                        .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].pointer", equalTo("/url"));
            }
            as("admin-1", "admin").body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.weather.changed")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(400)
                    .body("errors[0].pointer", equalTo("/eventTypes/0"));
            Set<String> owners = Set.copyOf(as(subscription.owner(), "integration")
                    .get("/api/v1/webhook-subscriptions").then().statusCode(200).extract().jsonPath()
                    .getList("items.owner", String.class));
            assertEquals(Set.of(subscription.owner()), owners, "an integration client lists its own");
        }
    }

    private static JsonPath deliveries(Subscription subscription) {
        return as(subscription.owner(), "integration")
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription.id()).then().statusCode(200)
                .extract().jsonPath();
    }
}
