package org.zuofeng.sync;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.changelog.ChangeLog;
import org.zuofeng.common.jobs.Batches;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the change log and the mutation results to their retention, in bounded batches, in the background. What
 * each device holds is kept: a device back after the retention takes a new snapshot, which ends by removing what it
 * held and may no longer keep.
 */
@ApplicationScoped
public class SyncPurge {

    private static final int BATCH = 1000;

    private final ChangeLog log;
    private final EntityManager em;
    private final Clock clock;
    private final SyncRepository sync;
    private final Duration retention;
    private final Duration forgetAfter;

    public SyncPurge(ChangeLog log, EntityManager em, SyncRepository sync, Clock clock, SyncConfig config) {
        this.log = log;
        this.em = em;
        this.sync = sync;
        this.clock = clock;
        this.retention = config.retention();
        this.forgetAfter = config.forgetAfter();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /**
     * Removes changes and mutation results past their retention, and devices not seen for long with what they held;
     * answers how many changes went.
     */
    public Batches.Result purge() {
        Instant before = clock.instant().minus(retention);
        Batches.Result changes = Batches.repeat(BATCH, () -> log.purge(before, BATCH));
        Batches.repeat(BATCH, () -> purgeResults(before));
        forgetIdleDevices();
        return changes;
    }

    /** Forgets the devices not seen for {@code ZUOFENG_SYNC_FORGET_AFTER}, with what they held; answers how many. */
    public int forgetIdleDevices() {
        Instant idle = clock.instant().minus(forgetAfter);
        return Batches.repeat(BATCH, () -> sync.forgetIdle(idle, BATCH)).rows();
    }

    private int purgeResults(Instant before) {
        return em.createNativeQuery("""
                        delete from sync_mutations where ctid in (
                            select ctid from sync_mutations where applied_at < :before limit :limit)""")
                .setParameter("before", before).setParameter("limit", BATCH).executeUpdate();
    }
}
