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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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

    private final AgroalDataSource dataSource;
    private final Set<Thread> waiters = ConcurrentHashMap.newKeySet();
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
    }

    /** How many wake-ups there have been; a wait notes it before it looks, and waits for it to move. */
    public long generation() {
        return generation.get();
    }

    /**
     * Waits until a wake-up after {@code seen}, or at most {@code nanos}; answers at once if there was one. A wait
     * that ends by its time leaves the set of waiters in constant time: a condition queue would walk all of them to
     * unlink it, and with a thousand waits ending at their own moments that walk was a third of their CPU.
     */
    public void awaitAfter(long seen, long nanos) throws InterruptedException {
        Thread waiter = Thread.currentThread();
        waiters.add(waiter);
        try {
            long deadline = System.nanoTime() + nanos;
            // The generation is read after joining the waiters and moved before they are woken, so a wake-up is
            // either seen here or unparks this thread.
            while (generation.get() == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiters.remove(waiter);
        }
    }

    /** How many waits sleep now (for tests). */
    int waiting() {
        return waiters.size();
    }

    /** Wakes every wait (the listener on a notification; a test, or this replica's own writes, may too). */
    public void wake() {
        generation.incrementAndGet();
        waiters.forEach(LockSupport::unpark);
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
