package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The public API is open data: cacheable (ETag, Cache-Control, 304) and rate-limited per client address (429 with
 * Retry-After and the IETF RateLimit headers), the address taken from X-Forwarded-For only behind a trusted proxy.
 */
@QuarkusTest
@TestProfile(PublicApiTest.FewRequests.class)
class PublicApiTest {

    /** Five requests a minute, behind a reverse proxy on loopback. */
    public static class FewRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.public.rate-limit", "5", "zuofeng.public.rate-window", "PT1M",
                    "zuofeng.public.trusted-proxies", "127.0.0.1");
        }
    }

    private static Response read(String client, String etag) {
        var request = Api.anonymous().header("X-Forwarded-For", client);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return request.get("/api/v1/public/exposures");
    }

    @Test
    void aRepeatedPublicReadIsNotModifiedAndMayBeCached() {
        String client = "198.51.100." + (1 + new java.util.Random().nextInt(200));
        Response first = read(client, null);
        first.then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"))
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""));
        read(client, first.header("ETag")).then().statusCode(304).header("ETag", equalTo(first.header("ETag")));
    }

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aClientBeyondItsLimitIsToldToWaitAndOthersAreNot() {
        // The window is fixed: start at the beginning of one, so that the six requests cannot straddle two.
        clock.advance(Duration.ofSeconds(60 - Math.floorMod(clock.instant().getEpochSecond(), 60)));
        String client = "203.0.113." + (1 + new java.util.Random().nextInt(200));
        for (int i = 1; i <= 5; i++) {
            read(client, null).then().statusCode(200).header("RateLimit-Policy", equalTo("\"public\";q=5;w=60"))
                    .header("RateLimit", startsWith("\"public\";r=" + (5 - i) + ";t="));
        }
        read(client, null).then().statusCode(429).body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", matchesPattern("[0-9]+"))
                .header("RateLimit", startsWith("\"public\";r=0;t="));
        read("192.0.2." + (1 + new java.util.Random().nextInt(200)), null).then().statusCode(200);
    }

    @Test
    void twoClientsBehindOneTrustedProxyEachHaveTheirOwnLimit() {
        clock.advance(Duration.ofSeconds(60 - Math.floorMod(clock.instant().getEpochSecond(), 60)));
        String first = "203.0.113." + (1 + new java.util.Random().nextInt(200));
        String second = "198.51.100." + (1 + new java.util.Random().nextInt(200));
        for (String client : List.of(first, second)) {
            for (int i = 1; i <= 5; i++) {
                read(client, null).then().statusCode(200)
                        .header("RateLimit", startsWith("\"public\";r=" + (5 - i) + ";t="));
            }
            read(client, null).then().statusCode(429);
        }
    }
}
