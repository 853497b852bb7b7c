package org.zuofeng.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.common.web.PublicRateLimit;
import org.zuofeng.common.web.PublicRateLimitProbe;
import org.zuofeng.common.web.RateLimitCounts;
import org.zuofeng.support.Api;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public API is open data: cacheable (ETag, Cache-Control, 304) and rate-limited per client address (429 with
 * Retry-After and the IETF RateLimit headers), the address taken from X-Forwarded-For only behind a trusted proxy,
 * the count shared by the replicas through PostgreSQL without a write per request.
 */
@QuarkusTest
@TestProfile(PublicApiTest.FewRequests.class)
class PublicApiTest {

    /** Each address once in a run: a random one met another test's in the same window now and then (a 429). */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(new Random().nextInt(250));

    /** Five requests a minute, behind a reverse proxy on loopback. */
    public static class FewRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.public.rate-limit", "5", "zuofeng.public.rate-window", "PT1M",
                    "zuofeng.public.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    TestClock clock;

    @Inject
    RateLimitCounts counts;

    @Inject
    PublicRateLimit limit;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response read(String client, String etag) {
        var request = Api.anonymous().header("X-Forwarded-For", client);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return request.get("/api/v1/public/exposures");
    }

    private static String anAddress(String network) {
        return network + (1 + NEXT_HOST.getAndIncrement() % 250);
    }

    /** The window is fixed: start at the beginning of one, so that a test's requests cannot straddle two. */
    private long startOfAWindow() {
        clock.advance(Duration.ofSeconds(60 - Math.floorMod(clock.instant().getEpochSecond(), 60)));
        return counts.windowStart(clock.instant());
    }

    /** What the shared count holds for {@code client} in the window starting at {@code start}; 0 without a row. */
    private int shared(String client, long start) {
        List<?> hits = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select hits from public_rate_limits where client = :client and window_start = :start")
                .setParameter("client", client).setParameter("start", Instant.ofEpochSecond(start))
                .getResultList());
        return hits.isEmpty() ? 0 : ((Number) hits.getFirst()).intValue();
    }

    @Test
    void aRepeatedPublicReadIsNotModifiedAndMayBeCached() {
        String client = anAddress("198.51.100.");
        Response first = read(client, null);
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"))
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""));
        read(client, first.header("ETag")).then().statusCode(304).header("ETag", equalTo(first.header("ETag")));
    }

    @Test
    void aClientBeyondItsLimitIsToldToWaitAndOthersAreNot() {
        startOfAWindow();
        String client = anAddress("203.0.113.");
        for (int i = 1; i <= 5; i++) {
            read(client, null).then().statusCode(200).header("RateLimit-Policy", equalTo("\"public\";q=5;w=60"))
                    .header("RateLimit", startsWith("\"public\";r=" + (5 - i) + ";t="));
        }
        read(client, null).then().statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", matchesPattern("[0-9]+"))
                .header("RateLimit", startsWith("\"public\";r=0;t="));
        read(anAddress("192.0.2."), null).then().statusCode(200);
    }

    @Test
    void twoClientsBehindOneTrustedProxyEachHaveTheirOwnLimit() {
        startOfAWindow();
        String first = anAddress("203.0.113.");
        String second = anAddress("198.51.100.");
        for (String client : List.of(first, second)) {
            for (int i = 1; i <= 5; i++) {
                read(client, null).then().statusCode(200)
                        .header("RateLimit", startsWith("\"public\";r=" + (5 - i) + ";t="));
            }
            read(client, null).then().statusCode(429);
        }
    }

    @Test
    void theLimitHoldsAcrossReplicasOnceTheirCountsMeetInTheFlush() {
        long start = startOfAWindow();
        String client = anAddress("203.0.113.");
        String key = limit.keyOf(client);
        RateLimitCounts other = PublicRateLimitProbe.anotherReplica(em, clock, json, 60, 100_000);
        for (int i = 0; i < 3; i++) {
            other.count(key, start);
        }
        other.flush();
        assertEquals(3, shared(key, start), "the other replica's three requests, added in one flush");

        // This replica has not flushed since: it knows only its own request (the overshoot one flush allows) and
        // writes nothing for it.
        read(client, null).then().statusCode(200).header("RateLimit", startsWith("\"public\";r=4;t="));
        assertEquals(3, shared(key, start), "no write for an anonymous read");

        counts.flush();
        assertEquals(4, shared(key, start), "this replica's request, added by its flush");
        read(client, null).then().statusCode(200).header("RateLimit", startsWith("\"public\";r=0;t="));
        read(client, null).then().statusCode(429).header("Retry-After", matchesPattern("[0-9]+"));

        counts.flush();
        assertEquals(6, shared(key, start), "the refused request counts too");
        assertEquals(4, other.count(key, start),
                "the other replica reads this one's last requests with its own next flush, not before");
        other.flush();
        assertEquals(7, shared(key, start));
        assertEquals(8, other.count(key, start), "beyond the limit of 5 on the other replica too, now");
    }

    @Test
    void beyondTheClientsItHoldsInMemoryAReplicaCountsInPostgresAtOnce() {
        long start = startOfAWindow();
        RateLimitCounts small = PublicRateLimitProbe.anotherReplica(em, clock, json, 60, 1);
        String held = anAddress("203.0.113.");
        String beyond = anAddress("198.51.100.");
        assertEquals(1, small.count(held, start));
        assertEquals(1, small.count(beyond, start));
        assertEquals(2, small.count(beyond, start));
        assertEquals(0, shared(held, start), "counted in memory, until the flush");
        assertEquals(2, shared(beyond, start), "counted in the shared row, request by request");
        small.flush();
        assertEquals(1, shared(held, start));
    }
}
