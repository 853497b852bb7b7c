package org.zuofeng.common.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.jobs.Batches;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes expired idempotent answers in the background, in batches of a bounded size, each in its own short
 * transaction: no request ever waits for it, and no statement holds many rows. Replicas running it at once share
 * the work (rows another batch holds are skipped).
 */
@ApplicationScoped
public class IdempotencyPurge {

    private final EntityManager em;
    private final Clock clock;
    private final int batchSize;

    public IdempotencyPurge(EntityManager em, Clock clock, IdempotencyConfig config) {
        this.em = em;
        this.clock = clock;
        this.batchSize = config.purgeBatchSize();
    }

    @Scheduled(every = "${zuofeng.idempotency.purge-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purgeExpired();
    }

    /** Deletes every answer expired by now, batch by batch. */
    public Batches.Result purgeExpired() {
        Instant now = clock.instant();
        return Batches.repeat(batchSize, () -> em.createNativeQuery("""
                        delete from idempotency_keys where ctid in (
                            select ctid from idempotency_keys where expires_at <= :now
                            limit :batch for update skip locked)""")
                .setParameter("now", now).setParameter("batch", batchSize).executeUpdate());
    }
}
