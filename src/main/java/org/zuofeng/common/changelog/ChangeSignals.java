package org.zuofeng.common.changelog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes the waits of this replica when the change log or the event log may have grown: one connection per replica
 * listens on PostgreSQL's {@code zuofeng_log} channel, which every transaction that writes either log notifies when
 * it commits (V22). A notification only says "look again"; what a wait answers always comes from the database, so a
 * missed one costs a wait no more than its next look. Bursts are folded into one wake-up.
 */
@ApplicationScoped
public class ChangeSignals {

    static final String CHANNEL = "zuofeng_log";
    private static final Logger LOG = Logger.getLogger(ChangeSignals.class);
    /** How long the listener blocks for notifications before it looks again whether it should stop. */
    private static final int LISTEN_MILLIS = 1_000;
    /** Notifications within this long of one another wake the waits once. */
    private static final Duration FOLD = Duration.ofMillis(100);
    /** The turns of waits woken together start within this long of the wake-up. */
    private static final long SPREAD_MILLIS = 50;

    private final AgroalDataSource dataSource;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor timers = timers();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean running;
    private Thread listener;

    public ChangeSignals(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().name("zuofeng-log-listener").daemon().start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        timers.shutdownNow();
    }

    /** One platform thread keeps every wait's time; a cancelled timer leaves its queue at once. */
    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("zuofeng-wait-timer").daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** How many wake-ups there have been; a wait notes it before it looks, and waits for it to move. */
    public long generation() {
        return generation.get();
    }

    /**
     * Runs {@code then} once, on a virtual thread of its own: after a wake-up after {@code seen} (at once if there was
     * one), or when {@code nanos} have passed, whichever comes first; {@code then} tells which by the generation. While
     * it waits nothing runs and no thread is held: what stays is the waiter and its timer. A waiter leaves the set of
     * waiters and the timers in constant and logarithmic time: a condition queue would walk all of them to unlink one,
     * and with a thousand waits ending at their own moments that walk was a third of their CPU.
     */
    public void onWakeAfter(long seen, long nanos, Runnable then) {
        Waiter waiter = new Waiter(then);
        waiters.add(waiter);
        // The generation is read after joining the waiters and moved before they are woken, so a wake-up is either
        // seen here or fires the waiter.
        if (generation.get() != seen) {
            waiter.fire(0);
            return;
        }
        try {
            waiter.timer = timers.schedule(() -> waiter.fire(0), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The replica is stopping: the wait looks once more now instead of sleeping.
            waiter.fire(0);
            return;
        }
        if (!waiters.contains(waiter)) {
            waiter.timer.cancel(false);
        }
    }

    /** A wait's turn: fired once, by a wake-up or by its timer, whichever comes first (whichever takes it out). */
    private final class Waiter {

        private final Runnable then;
        private volatile ScheduledFuture<?> timer;

        Waiter(Runnable then) {
            this.then = then;
        }

        /** Runs the wait's turn within {@code spreadMillis} (at a moment of its own), if it has not run yet. */
        void fire(long spreadMillis) {
            if (!waiters.remove(this)) {
                return;
            }
            ScheduledFuture<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            Runnable turn = () -> Thread.ofVirtual().start(then);
            if (spreadMillis > 0) {
                try {
                    timers.schedule(turn, ThreadLocalRandom.current().nextLong(spreadMillis), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException e) {
                    // The replica is stopping: the turn runs now.
                }
            }
            turn.run();
        }
    }

    /** How many waits sleep now (for tests). */
    int waiting() {
        return waiters.size();
    }

    /** How many waits' times are being kept (for tests). */
    int pendingTimers() {
        return timers.getQueue().size();
    }

    /**
     * Wakes every wait (the listener on a notification; a test, or this replica's own writes, may too). Many waits wake
     * at once: their turns are spread over a few milliseconds, each at a moment of its own, so that their reads do not
     * all come at one, and nothing sleeps meanwhile.
     */
    public void wake() {
        generation.incrementAndGet();
        waiters.forEach(waiter -> waiter.fire(SPREAD_MILLIS));
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                wake();
                while (running) {
                    var notifications = pg.getNotifications(LISTEN_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        TimeUnit.NANOSECONDS.sleep(FOLD.toNanos());
                        wake();
                    }
                }
            } catch (SQLException e) {
                LOG.debugf("Listening for log changes failed (%s); waits look by themselves until it is back",
                        e.getMessage());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("The log listener stopped unexpectedly; it starts again", e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
