package org.zuofeng.events;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.zuofeng.support.FeedReader;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replica holds a bounded number of long polls: beyond them, a poll is answered at once instead of waiting. */
@QuarkusTest
@TestProfile(WaitLimitTest.OneWait.class)
class WaitLimitTest {

    /** A replica that holds one wait. */
    public static class OneWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zuofeng.waits.max", "1");
        }
    }

    @Test
    void aPollBeyondTheWaitsAReplicaHoldsIsAnsweredAtOnce() throws Exception {
        FeedReader first = new FeedReader("admin-1", "admin").fromNow();
        FeedReader second = new FeedReader("admin-2", "admin").fromNow();
        CompletableFuture<Map<String, Object>> waiting = CompletableFuture.supplyAsync(
                () -> first.page("org.zuofeng.unit.dissolved", 6));
        Thread.sleep(1_000);
        assertFalse(waiting.isDone(), "the first poll waits");

        long start = System.nanoTime();
        second.page("org.zuofeng.unit.dissolved", 6);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(took < 3_000, "the second is answered at once, not after its wait: " + took + " ms");
        waiting.get(20, TimeUnit.SECONDS);
    }
}
