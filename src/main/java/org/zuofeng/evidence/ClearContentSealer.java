package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Seals content an earlier version kept in clear, without downtime, on any replica: one content at a time, each in a
 * transaction that holds its row (another replica skips it), sealed and checked against its digest before its key
 * is recorded; its clear file is removed only once the key has committed, then its row says so. Interrupted anywhere,
 * it resumes where it stopped: a content whose key did not commit is still in clear and sealed again; one whose key
 * did but whose clear file is left has only that file removed.
 */
@ApplicationScoped
public class ClearContentSealer {

    private static final Logger LOG = Logger.getLogger(ClearContentSealer.class);
    /** The longest one content may take to seal (a video of the largest size on a slow volume). */
    private static final int TIMEOUT_SECONDS = 3600;

    private final BlobRepository blobs;
    private final EvidenceStorage storage;

    public ClearContentSealer(BlobRepository blobs, EvidenceStorage storage) {
        this.blobs = blobs;
        this.storage = storage;
    }

    @Scheduled(every = "${zuofeng.evidence.seal-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sealed = seal(Integer.MAX_VALUE);
        if (sealed > 0) {
            LOG.infof("Sealed %d content file(s) kept in clear by an earlier version", sealed);
        }
    }

    /** Seals at most {@code max} contents kept in clear; returns how many it handled. */
    public int seal(int max) {
        int handled = 0;
        String after = "";
        while (handled < max) {
            String from = after;
            Optional<Sealed> next = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() ->
                    blobs.lockNextClear(from).map(this::sealLocked));
            if (next.isEmpty()) {
                return handled;
            }
            String sha256 = next.get().sha256();
            if (next.get().committed()) {
                try {
                    storage.removeClear(sha256);
                    QuarkusTransaction.requiringNew().run(() -> blobs.clearGone(sha256));
                } catch (IOException e) {
                    LOG.errorf(e, "The clear file of %s could not be removed; the next run tries again", sha256);
                }
            }
            after = sha256;
            handled++;
        }
        return handled;
    }

    /** What became of one content: whether its key (or the absence of anything in clear) is committed. */
    private record Sealed(String sha256, boolean committed) {
    }

    private Sealed sealLocked(String sha256) {
        if (blobs.keeping(sha256).orElseThrow().sealed()) {
            return new Sealed(sha256, true);
        }
        try {
            if (!storage.sealClear(sha256)) {
                // Claimed by an upload that never kept its bytes: nothing is in clear.
                blobs.clearGone(sha256);
            }
            return new Sealed(sha256, true);
        } catch (IOException e) {
            LOG.errorf(e, "The clear content %s could not be sealed; it stays in clear and is tried again", sha256);
            return new Sealed(sha256, false);
        }
    }
}
