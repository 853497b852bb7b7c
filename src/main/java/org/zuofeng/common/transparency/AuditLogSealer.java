package org.zuofeng.common.transparency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.changelog.ChangeLog;
import org.zuofeng.common.jobs.Batches;

import java.util.List;
import java.util.Optional;

/**
 * Seals the audit record into the transparency log, off the path of any write: every few seconds, whichever replica
 * holds the log's state row seals the events of committed transactions, in commit order, a batch per transaction;
 * a replica that finds the row locked leaves the work to the one that holds it. Every few minutes it signs a tree
 * head if the tree has grown.
 */
@ApplicationScoped
public class AuditLogSealer {

    static final int BATCH = 1000;

    private final AuditLog log;
    private final ChangeLog changes;
    private final TreeHeads heads;

    AuditLogSealer(AuditLog log, ChangeLog changes, TreeHeads heads) {
        this.log = log;
        this.changes = changes;
        this.heads = heads;
    }

    @Scheduled(every = "${zuofeng.audit-log.seal-every:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        seal();
    }

    @Scheduled(every = "${zuofeng.audit-log.sign-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void signScheduled() {
        seal();
        heads.signLatest();
    }

    /** Seals what is committed and not yet sealed; answers how many events this call sealed. */
    public long seal() {
        return Batches.repeat(BATCH, this::sealBatch).rows();
    }

    private int sealBatch() {
        Optional<AuditLog.State> state = log.lockState();
        if (state.isEmpty()) {
            return 0;
        }
        List<AuditLog.Pending> pending = log.pending(state.get(), changes.horizon(), BATCH);
        if (!pending.isEmpty()) {
            log.append(state.get(), pending);
        }
        return pending.size();
    }
}
