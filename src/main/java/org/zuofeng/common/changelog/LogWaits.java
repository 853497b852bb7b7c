package org.zuofeng.common.changelog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.web.Draining;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A read of a log that may wait for something new (the sync pull, the event feed): read, each time in a transaction
 * of its own so that it sees what committed since; while the answer is "caught up" and the wait has not run out,
 * sleep until {@link ChangeSignals} wakes it (or a slow fallback look comes due) and read again; a wait whose time
 * is up with no wake-up since its last read answers with that read. A wait holds no platform thread (its endpoint
 * runs on a virtual thread), no connection and no lock while it sleeps, and writes nothing; one that finds nothing
 * ends at a moment of its own in the last fifth of the time asked. A replica holds at most
 * {@code ZUOFENG_WAITS_MAX} waits; beyond them a read answers at once. A replica that is shutting down answers at
 * once.
 */
@ApplicationScoped
public class LogWaits {

    private static final long SPREAD_MILLIS = 50;
    private static final long END_SPREAD = 5;

    private final ChangeSignals signals;
    private final Semaphore slots;
    private final long fallbackNanos;

    public LogWaits(ChangeSignals signals, WaitsConfig config) {
        this.signals = signals;
        this.slots = new Semaphore(config.max());
        this.fallbackNanos = config.fallback().toNanos();
    }

    public <T> T read(int waitSeconds, Supplier<T> read, Predicate<T> caughtUp) {
        if (waitSeconds <= 0 || !slots.tryAcquire()) {
            return QuarkusTransaction.requiringNew().call(read::get);
        }
        try {
            long deadline = System.nanoTime() + waitNanos(waitSeconds, ThreadLocalRandom.current());
            while (true) {
                long seen = signals.generation();
                T answer = QuarkusTransaction.requiringNew().call(read::get);
                long left = deadline - System.nanoTime();
                if (!caughtUp.test(answer) || left <= 0 || Draining.active()) {
                    return answer;
                }
                try {
                    // Each wait's fallback look comes at its own moment (half to one and a half times the interval), so
                    // that a thousand waits do not all look at once.
                    long fallback = fallbackNanos / 2 + ThreadLocalRandom.current().nextLong(fallbackNanos);
                    signals.awaitAfter(seen, Math.min(left, fallback));
                    if (signals.generation() == seen) {
                        if (System.nanoTime() - deadline >= 0) {
                            // Nothing was notified since the last read, so its answer still holds; a notification
                            // missed while the listener reconnected reaches the client's next poll at once.
                            return answer;
                        }
                    } else {
                        // Many waits wake at once: spread their reads over a few milliseconds, not all on one.
                        Thread.sleep(ThreadLocalRandom.current().nextLong(SPREAD_MILLIS));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return answer;
                }
            }
        } finally {
            slots.release();
        }
    }

    /**
     * How long a wait that finds nothing lasts: a moment of its own in the last fifth of the time asked, so that
     * waits that began together (clients that all poll again as soon as they are answered) do not all end together,
     * each answer and the next poll a burst of work beside everything else the replica serves.
     */
    static long waitNanos(int waitSeconds, RandomGenerator random) {
        long asked = TimeUnit.SECONDS.toNanos(waitSeconds);
        return asked - random.nextLong(asked / END_SPREAD + 1);
    }

    /** How many more waits this replica takes now (for its metrics and tests). */
    public int free() {
        return slots.availablePermits();
    }
}
