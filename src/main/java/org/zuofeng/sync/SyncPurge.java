package org.zuofeng.sync;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.changelog.ChangeLog;
import org.zuofeng.common.persistence.Batches;

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
    private final Duration retention;

    public SyncPurge(ChangeLog log, EntityManager em, Clock clock, SyncConfig config) {
        this.log = log;
        this.em = em;
        this.clock = clock;
        this.retention = config.retention();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Removes changes and mutation results past their retention; answers how many changes went. */
    public Batches.Result purge() {
        Instant before = clock.instant().minus(retention);
        Batches.Result changes = Batches.repeat(BATCH, () -> log.purge(before, BATCH));
        Batches.repeat(BATCH, () -> purgeResults(before));
        return changes;
    }

    private int purgeResults(Instant before) {
        return em.createNativeQuery("""
                        delete from sync_mutations where ctid in (
                            select ctid from sync_mutations where applied_at < :before limit :limit)""")
                .setParameter("before", before).setParameter("limit", BATCH).executeUpdate();
    }
}
