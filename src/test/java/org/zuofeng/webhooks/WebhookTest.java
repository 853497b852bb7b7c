package org.zuofeng.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.FeedReader;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.TestClock;
import org.zuofeng.support.WebhookReceiver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

    @Inject
    EntityManager em;

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
    void aMessageAnotherWorkerTookOverIsNeverSentAgainByTheWorkerThatLostIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            subscribe(receiver, List.of("org.zuofeng.unit.created"));
            JsonPath district = Fixtures.aDistrict();
            for (int i = 0; i < 11; i++) {
                Fixtures.aUnit().under(district).create();
            }
            queueUntil(12);
            // Every delivery takes 10 s of the service's time: the first worker's claim of the rest lapses while it
            // works through them, and a second worker takes the rest over.
            receiver.answerWith(() -> {
                clock.advance(Duration.ofSeconds(10));
                return 200;
            });
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(sender::sendDue);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
                int sent = 0;
                while (!first.isDone()) {
                    sent += sender.sendDue();
                }
                return sent + sender.sendDue();
            });
            int sent = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);

            Map<String, Long> byMessage = receiver.received().stream().collect(Collectors.groupingBy(
                    r -> r.header("webhook-id"), Collectors.counting()));
            assertEquals(12, byMessage.size(), "every message sent");
            assertTrue(byMessage.values().stream().allMatch(n -> n == 1), "none twice: " + byMessage);
            assertEquals(12, sent);
            assertTrue(second.get() > 0, "the second worker took some over");
        }
    }

    @Test
    void aSubscriptionStoppedByItsOwnerSendsNothingMoreItsQueueIncluded() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.unit.created"));
            JsonPath district = Fixtures.aDistrict();
            for (int i = 0; i < 5; i++) {
                Fixtures.aUnit().under(district).create();
            }
            queueUntil(6);
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            receiver.answerWith(() -> {
                if (receiver.received().size() == 1) {
                    inFlight.countDown();
                    await(stopped);
                }
                return 200;
            });
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(sender::sendDue);
            assertTrue(inFlight.await(20, TimeUnit.SECONDS));
            long version = as(subscription.owner(), "integration")
                    .get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(200)
                    .extract().jsonPath().getLong("version");
            as(subscription.owner(), "integration").header("If-Match", "\"" + version + "\"")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.unit.created"),
                            "active", false))
                    .put("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(200)
                    .body("status", equalTo("DISABLED"));
            stopped.countDown();
            sending.get(60, TimeUnit.SECONDS);
            assertEquals(1, receiver.received().size(), "the message in flight, and nothing after it");

            JsonPath resumed = as(subscription.owner(), "integration")
                    .get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().extract().jsonPath();
            as(subscription.owner(), "integration").header("If-Match", "\"" + resumed.getLong("version") + "\"")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.unit.created")))
                    .put("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            deliver();
            assertEquals(1, receiver.received().size(), "what was queued was cancelled, not kept for later");
        }
    }

    @Test
    void editingASubscriptionWhileItsFeedIsQueuedNeverQueuesAnEventTwice() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.unit.created"));
            JsonPath district = Fixtures.aDistrict();
            CompletableFuture<Void> editing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 15; i++) {
                    long version = as(subscription.owner(), "integration")
                            .get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().extract().jsonPath()
                            .getLong("version");
                    as(subscription.owner(), "integration").header("If-Match", "\"" + version + "\"")
                            .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.unit.created"),
                                    "description", "第" + i + "次修改"))
                            .put("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(200);
                }
            });
            for (int i = 0; i < 15; i++) {
                Fixtures.aUnit().under(district).create();
                queue.queueAll();
            }
            editing.get(60, TimeUnit.SECONDS);
            deliverUntil(receiver, got -> eventIds(got).size() >= 16);

            Map<String, Long> byEvent = eventIds(receiver.received());
            assertEquals(16, byEvent.size());
            assertTrue(byEvent.values().stream().allMatch(n -> n == 1), "each event queued once: " + byEvent);
        }
    }

    @Test
    void aSubscriptionItsOwnerLeavesUnrenewedLapsesTellsThemOnTheFeedAndResumesWithTheirNextChange()
            throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.unit.created"));
            OffsetDateTime grantedUntil = OffsetDateTime.parse(subscription.view().getString("grantedUntil"));
            assertTrue(grantedUntil.isAfter(OffsetDateTime.now().plusDays(89)), "90 days: " + grantedUntil);
            clock.advance(Duration.ofDays(91));
            FeedReader owners = new FeedReader(subscription.owner(), "integration").fromNow();
            Fixtures.aUnit().under(Fixtures.aDistrict()).create();
            sender.scheduled();
            assertEquals(0, receiver.received().size(), "a lapsed subscription sends nothing");
            JsonPath lapsed = as(subscription.owner(), "integration")
                    .get("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(200)
                    .body("status", equalTo("LAPSED")).extract().jsonPath();
            owners.readUntil(read -> read.stream().anyMatch(e -> e.getType()
                    .equals("org.zuofeng.webhook_subscription.lapsed")
                    && subscription.id().equals(e.getSubject())));

            as(subscription.owner(), "integration").header("If-Match", "\"" + lapsed.getLong("version") + "\"")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.zuofeng.unit.created")))
                    .put("/api/v1/webhook-subscriptions/{id}", subscription.id()).then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            Fixtures.aUnit().under(Fixtures.aDistrict()).create();
            deliverUntil(receiver, got -> !got.isEmpty());
            assertTrue(!receiver.received().isEmpty(), "renewed, it sends again");
        }
    }

    @Test
    void aMessageIsKeptSealedAndGoesWithItsDeliveryLogAfterItsRetention() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscription subscription = subscribe(receiver, List.of("org.zuofeng.official.created"));
            String name = "封存" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (Math.random() * 10))
                    + "甲乙丙丁戊己庚辛壬癸".charAt((int) (Math.random() * 10));
            Fixtures.anOfficial().named(name).create();
            queueUntil(1);
            @SuppressWarnings("unchecked")
            List<Object[]> kept = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "select payload, sealed_payload from webhook_deliveries where subscription_id = :id")
                    .setParameter("id", UUID.fromString(subscription.id())).getResultList());
            assertEquals(1, kept.size());
            assertEquals(null, kept.get(0)[0], "no body in the clear");
            assertTrue(!new String((byte[]) kept.get(0)[1], StandardCharsets.ISO_8859_1)
                    .contains(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)));

            deliverUntil(receiver, got -> !got.isEmpty());
            assertTrue(receiver.received().get(0).body().contains(name), "the receiver reads it whole");
            assertEquals(1, deliveries(subscription).getList("items").size());
            clock.advance(Duration.ofDays(31));
            sender.purgeFinished();
            assertEquals(0, deliveries(subscription).getList("items").size(), "gone after 30 days");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues until at least {@code messages} are queued, for at most 20 s (the feed serves its stable past). */
    private void queueUntil(int messages) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int queued = queue.queueAll();
        while (queued < messages && System.nanoTime() < deadline) {
            Thread.sleep(100);
            queued += queue.queueAll();
        }
        assertTrue(queued >= messages, queued + " queued");
    }

    private static Map<String, Long> eventIds(List<WebhookReceiver.Received> received) {
        return received.stream().collect(Collectors.groupingBy(r -> {
            try {
                return (String) JSON.readValue(r.body(), Map.class).get("id");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Collectors.counting()));
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
