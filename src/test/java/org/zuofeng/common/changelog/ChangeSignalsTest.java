package org.zuofeng.common.changelog;

import org.junit.jupiter.api.Test;

import java.util.LongSummaryStatistics;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wake-up reaches every wait on the replica at once, their turns spread over a few milliseconds; a wait that nobody
 * wakes ends by its own time; each wait's turn comes once, on a virtual thread of its own, and while it waits no thread
 * is held for it; none leaves anything behind, however many waits there are.
 */
class ChangeSignalsTest {

    private static final int WAITS = 1000;

    @Test
    void aWakeUpEndsEveryWaitAtOnceAndNothingRunsForAWaitBeforeIt() throws InterruptedException {
        ChangeSignals signals = new ChangeSignals(null);
        long seen = signals.generation();
        CountDownLatch ended = new CountDownLatch(WAITS);
        AtomicInteger turns = new AtomicInteger();
        Set<Boolean> onVirtualThreads = ConcurrentHashMap.newKeySet();
        Queue<Long> turnStarts = new ConcurrentLinkedQueue<>();
        int threadsBefore = Thread.activeCount();
        for (int i = 0; i < WAITS; i++) {
            signals.onWakeAfter(seen, TimeUnit.MINUTES.toNanos(1), () -> {
                onVirtualThreads.add(Thread.currentThread().isVirtual());
                turnStarts.add(System.nanoTime());
                turns.incrementAndGet();
                ended.countDown();
            });
        }
        assertEquals(WAITS, signals.waiting(), "the waits are waiting");
        assertEquals(0, turns.get(), "nothing runs for a wait before its turn");
        assertTrue(Thread.activeCount() <= threadsBefore + 1, "no thread is held for a wait; one keeps their times");
        signals.wake();
        // Their moments are the timer's to keep (up to 50 ms ahead), so right after the wake-up most are still there.
        assertTrue(signals.pendingTimers() > WAITS / 2, "the turns of waits woken together wait on the timer");
        assertTrue(ended.await(10, TimeUnit.SECONDS), "every wait ended well before its minute");
        assertEquals(seen + 1, signals.generation());
        assertEquals(0, signals.waiting());
        assertEquals(Set.of(true), onVirtualThreads);
        LongSummaryStatistics starts = turnStarts.stream().mapToLong(Long::longValue).summaryStatistics();
        assertTrue(starts.getMax() - starts.getMin() > TimeUnit.MILLISECONDS.toNanos(20),
                "the turns of waits woken together are spread, not all at one moment");

        signals.wake();
        Thread.sleep(100);
        assertEquals(WAITS, turns.get(), "a wait's turn comes once, however many wake-ups follow");
    }

    @Test
    void aWaitNobodyWakesEndsByItsOwnTimeAndOneAfterAWakeUpDoesNotWaitAtAll() throws InterruptedException {
        ChangeSignals signals = new ChangeSignals(null);
        long seen = signals.generation();
        CountDownLatch ended = new CountDownLatch(WAITS);
        long started = System.nanoTime();
        for (int i = 0; i < WAITS; i++) {
            signals.onWakeAfter(seen, TimeUnit.MILLISECONDS.toNanos(50 + i % 200), ended::countDown);
        }
        assertTrue(ended.await(10, TimeUnit.SECONDS), "each wait ended by its time");
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(249), "each waited its time");
        assertEquals(0, signals.waiting(), "no wait is left among the waiters");
        assertEquals(seen, signals.generation());

        signals.wake();
        CountDownLatch late = new CountDownLatch(1);
        long before = System.nanoTime();
        signals.onWakeAfter(seen, TimeUnit.MINUTES.toNanos(1), late::countDown);
        assertTrue(late.await(1, TimeUnit.SECONDS), "a wake-up already seen ends it at once");
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, signals.waiting());
    }

    @Test
    void aWaitWokenBeforeItsTimeLeavesNoTimerBehind() throws InterruptedException {
        ChangeSignals signals = new ChangeSignals(null);
        CountDownLatch ended = new CountDownLatch(WAITS);
        for (int i = 0; i < WAITS; i++) {
            signals.onWakeAfter(signals.generation(), TimeUnit.HOURS.toNanos(1), ended::countDown);
        }
        assertEquals(WAITS, signals.pendingTimers(), "each wait keeps its time");
        signals.wake();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(0, signals.pendingTimers(), "a woken wait's timer is gone, not left for its hour");
        assertFalse(signals.waiting() > 0);
    }
}
