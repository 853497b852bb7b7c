package org.zuofeng.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.Api;
import org.zuofeng.support.TestClock;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without trusted proxies, as the service starts unless told otherwise (here, unlike {@link PublicApiTest}),
 * {@code X-Forwarded-For} is ignored: a client cannot choose the address its requests are counted under.
 */
@QuarkusTest
class UntrustedProxyTest {

    private static final Pattern REMAINING = Pattern.compile("\"public\";r=([0-9]+);t=[0-9]+");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** What the public API says remains of the window for a request claiming to come from {@code forwardedFor}. */
    private static int remaining(String forwardedFor) {
        String rateLimit = Api.anonymous().header("X-Forwarded-For", forwardedFor).get("/api/v1/public/exposures")
                .then().statusCode(200).extract().header("RateLimit");
        Matcher matcher = REMAINING.matcher(rateLimit);
        assertTrue(matcher.matches(), rateLimit);
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void aForwardedForFromAPeerThatIsNoTrustedProxyIsIgnored() {
        // Both requests in one window, so that the second's count follows from the first's.
        clock.advance(Duration.ofSeconds(60 - Math.floorMod(clock.instant().getEpochSecond(), 60)));
        int first = remaining("203.0.113.9");
        int second = remaining("198.51.100.7");
        assertEquals(first - 1, second, "both counted under the peer's own address, whatever the header says");
    }
}
