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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long generation;
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
        return generation;
    }

    /** Waits until a wake-up after {@code seen}, or at most {@code nanos}; answers at once if there was one. */
    public void awaitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (generation == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every wait (the listener on a notification; a test, or this replica's own writes, may too). */
    public void wake() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
