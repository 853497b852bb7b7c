package org.zuofeng.evidence;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.zuofeng.common.jobs.Batches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The only remover of kept evidence bytes: in the background, content that no evidence references and that no
 * upload has claimed for {@code zuofeng.evidence.sweep-after} (the leftovers of uploads that failed after their bytes
 * were kept). Each blob goes under a lock on its row, row and file together; replicas sweeping at once skip each
 * other's rows, and an upload claiming the same content waits, then keeps it anew.
 */
@ApplicationScoped
public class BlobSweeper {

    private static final Logger LOG = Logger.getLogger(BlobSweeper.class);
    private static final int BATCH = 100;

    private final BlobRepository blobs;
    private final EvidenceStorage storage;
    private final Clock clock;
    private final Duration sweepAfter;

    public BlobSweeper(BlobRepository blobs, EvidenceStorage storage, Clock clock, EvidenceConfig config) {
        this.blobs = blobs;
        this.storage = storage;
        this.clock = clock;
        this.sweepAfter = config.evidence().sweepAfter();
    }

    @Scheduled(every = "${zuofeng.evidence.sweep-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Removes every unreferenced blob whose grace period has passed; returns how many. */
    public int sweep() {
        int removed = Batches.repeat(BATCH, () -> {
            List<String> unreferenced = blobs.lockUnreferenced(clock.instant().minus(sweepAfter), BATCH);
            for (String sha256 : unreferenced) {
                blobs.forget(sha256);
                try {
                    storage.remove(sha256);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return unreferenced.size();
        }).rows();
        if (removed > 0) {
            LOG.infof("Removed %d evidence content file(s) that no record referenced", removed);
        }
        return removed;
    }
}
