package org.zuofeng.common.changelog;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wait reads the log when it begins and after each wake-up, and at no other time: one whose time is up with no
 * wake-up since its last read answers with that read, and a thousand waits ending cost no reads of their own.
 */
@QuarkusTest
class LogWaitReadsTest {

    @Inject
    LogWaits waits;

    @Inject
    ChangeSignals signals;

    @Test
    void aWaitNobodyWakesReadsOnceAndAnswersWithThatRead() {
        AtomicInteger reads = new AtomicInteger();
        long before = signals.generation();
        int answer = waits.read(1, reads::incrementAndGet, read -> true).toCompletableFuture().join();
        long wakeUps = signals.generation() - before;
        assertTrue(answer == reads.get() && reads.get() >= 1);
        // Only a wake-up (a background job writing a log meanwhile) may cost a read more.
        assertTrue(reads.get() <= 1 + wakeUps, reads.get() + " reads with " + wakeUps + " wake-ups");
    }

    @Test
    void aWakeUpMakesTheWaitReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> wake = CompletableFuture.runAsync(signals::wake,
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        long before = signals.generation();
        waits.read(2, reads::incrementAndGet, read -> true).toCompletableFuture().join();
        wake.join();
        long wakeUps = signals.generation() - before;
        assertTrue(reads.get() >= 2, "read again after the wake-up");
        assertTrue(reads.get() <= 1 + wakeUps, reads.get() + " reads with " + wakeUps + " wake-ups");
    }
}
