package org.zuofeng.common.changelog;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.web.Draining;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * is up with no wake-up since its last read answers with that read. A sleeping wait holds no thread, no connection
 * and no lock, and writes nothing: its request is suspended, and what stays is the request, its last read and a
 * timer; each later read runs on a virtual thread of its own, in the request's context. One that finds nothing
 * ends at a moment of its own in the last fifth of the time asked. A replica holds at most {@code ZUOFENG_WAITS_MAX}
 * waits; beyond them a read answers at once. A replica that is shutting down answers at its next look.
 */
@ApplicationScoped
public class LogWaits {

    private static final long END_SPREAD = 5;

    private final ChangeSignals signals;
    private final Semaphore slots;
    private final long fallbackNanos;
    private final ManagedContext requestContext = Arc.container().requestContext();

    public LogWaits(ChangeSignals signals, WaitsConfig config) {
        this.signals = signals;
        this.slots = new Semaphore(config.max());
        this.fallbackNanos = config.fallback().toNanos();
    }

    /**
     * The answer: at once when there is something to read, no wait was asked or the replica holds all the waits it
     * may; otherwise when something new is read or the wait's time is up. The reads after the first run in the
     * context of the request that asked, if any.
     */
    public <T> CompletionStage<T> read(int waitSeconds, Supplier<T> read, Predicate<T> caughtUp) {
        if (waitSeconds <= 0 || !slots.tryAcquire()) {
            return CompletableFuture.completedFuture(QuarkusTransaction.requiringNew().call(read::get));
        }
        Wait<T> wait = new Wait<>(read, caughtUp,
                System.nanoTime() + waitNanos(waitSeconds, ThreadLocalRandom.current()));
        wait.answer.whenComplete((answer, failure) -> slots.release());
        try {
            if (wait.look()) {
                wait.answer.complete(wait.last);
            } else {
                wait.sleep();
            }
        } catch (RuntimeException e) {
            wait.answer.completeExceptionally(e);
            throw e;
        }
        return wait.answer;
    }

    /** One wait: its last read, and the request's context for the reads after it. */
    private final class Wait<T> {

        private final Supplier<T> read;
        private final Predicate<T> caughtUp;
        private final long deadline;
        /** The request's context, which the reads after the first need (the caller's scope); none outside one. */
        private final ContextState state = requestContext.isActive() ? requestContext.getState() : null;
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private long seen;
        private T last;

        Wait(Supplier<T> read, Predicate<T> caughtUp, long deadline) {
            this.read = read;
            this.caughtUp = caughtUp;
            this.deadline = deadline;
        }

        /** Reads, and says whether that read is the answer. */
        boolean look() {
            seen = signals.generation();
            last = QuarkusTransaction.requiringNew().call(read::get);
            return !caughtUp.test(last) || deadline - System.nanoTime() <= 0 || Draining.active();
        }

        /**
         * Sleeps until a wake-up or the next look. Each wait's fallback look comes at its own moment (half to one and
         * a half times the interval), so that a thousand waits do not all look at once.
         */
        void sleep() {
            long fallback = fallbackNanos / 2 + ThreadLocalRandom.current().nextLong(fallbackNanos);
            signals.onWakeAfter(seen, Math.min(deadline - System.nanoTime(), fallback), this::resume);
        }

        /** After a wake-up ({@link ChangeSignals#wake} spreads them) or at the next look, on a virtual thread. */
        private void resume() {
            if (signals.generation() == seen && System.nanoTime() - deadline >= 0) {
                // Nothing was notified since the last read, so its answer still holds; a notification missed while
                // the listener reconnected reaches the client's next poll at once.
                answer.complete(last);
                return;
            }
            boolean answered = false;
            RuntimeException failure = null;
            if (state != null) {
                requestContext.activate(state);
            }
            try {
                answered = look();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                if (state != null) {
                    requestContext.deactivate();
                }
            }
            // The request resumes only once its context is no longer active here.
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else if (answered) {
                answer.complete(last);
            } else {
                sleep();
            }
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
