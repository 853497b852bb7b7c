package org.zuofeng.common.changelog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.zuofeng.common.web.Draining;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A read of a log that may wait for something new: read (each time in a transaction of its own, so it sees what
 * committed since); while the answer is "caught up" and the wait has not run out, look again shortly. A service
 * that is shutting down answers at once.
 */
public final class LongPoll {

    private static final Duration POLL = Duration.ofMillis(250);

    private LongPoll() {
    }

    public static <T> T read(Clock clock, int waitSeconds, Supplier<T> read, Predicate<T> caughtUp) {
        Instant deadline = clock.instant().plusSeconds(waitSeconds);
        while (true) {
            T answer = QuarkusTransaction.requiringNew().call(read::get);
            if (!caughtUp.test(answer) || !clock.instant().isBefore(deadline) || Draining.active()) {
                return answer;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }
}
