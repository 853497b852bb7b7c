package org.zuofeng.common.changelog;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wake-up reaches every wait on the replica at once; a wait that nobody wakes ends by its own time; and neither
 * leaves anything behind, however many waits there are.
 */
class ChangeSignalsTest {

    private static final int WAITS = 1000;

    @Test
    void aWakeUpEndsEveryWaitAtOnce() throws InterruptedException {
        ChangeSignals signals = new ChangeSignals(null);
        long seen = signals.generation();
        CountDownLatch ended = new CountDownLatch(WAITS);
        List<Thread> waits = new ArrayList<>();
        for (int i = 0; i < WAITS; i++) {
            waits.add(Thread.ofVirtual().start(() -> {
                try {
                    signals.awaitAfter(seen, TimeUnit.MINUTES.toNanos(1));
                    ended.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        awaitWaiting(signals, WAITS);
        signals.wake();
        assertTrue(ended.await(10, TimeUnit.SECONDS), "every wait ended well before its minute");
        assertEquals(seen + 1, signals.generation());
        assertEquals(0, signals.waiting());
        for (Thread wait : waits) {
            wait.join();
        }
    }

    @Test
    void aWaitNobodyWakesEndsByItsOwnTimeAndOneAfterAWakeUpDoesNotWaitAtAll() throws InterruptedException {
        ChangeSignals signals = new ChangeSignals(null);
        long seen = signals.generation();
        List<Thread> waits = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < WAITS; i++) {
            long nanos = TimeUnit.MILLISECONDS.toNanos(50 + i % 200);
            waits.add(Thread.ofVirtual().start(() -> {
                try {
                    signals.awaitAfter(seen, nanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread wait : waits) {
            wait.join();
        }
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(249), "each waited its time");
        assertEquals(0, signals.waiting(), "no wait is left among the waiters");
        assertEquals(seen, signals.generation());

        signals.wake();
        long before = System.nanoTime();
        signals.awaitAfter(seen, TimeUnit.MINUTES.toNanos(1));
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(1), "a wake-up already seen ends it at once");
    }

    @Test
    void anInterruptedWaitEndsWithTheInterruption() throws InterruptedException {
        ChangeSignals signals = new ChangeSignals(null);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread wait = Thread.ofVirtual().start(() -> {
            try {
                signals.awaitAfter(signals.generation(), TimeUnit.MINUTES.toNanos(1));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });
        awaitWaiting(signals, 1);
        wait.interrupt();
        wait.join(Duration.ofSeconds(10));
        assertInstanceOf(InterruptedException.class, outcome.get());
        assertEquals(0, signals.waiting());
    }

    private static void awaitWaiting(ChangeSignals signals, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (signals.waiting() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, signals.waiting(), "the waits are waiting");
    }
}
