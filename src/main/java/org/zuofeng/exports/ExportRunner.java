package org.zuofeng.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.jobs.Leases;
import org.zuofeng.common.openapi.Contract;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.RunAs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs export jobs: a worker claims a queued job ({@link Leases}: a lease in its name, renewed before each page, so
 * a job whose replica died is taken up again, and a worker whose lease was taken over stops without touching the
 * job), reads the list page by page as the requester, and streams the rows to a file; memory holds one page at a
 * time, whatever the size. Files are removed a day after they are done.
 */
@ApplicationScoped
public class ExportRunner {

    static final Duration KEPT = Duration.ofHours(24);
    private static final String TABLE = "export_jobs";
    /** Rows read and written between two renewals of the lease. */
    private static final int CHUNK = 500;
    /** The longest one run may read for: the transaction its cursor lives in ends then, and the run fails. */
    private static final Duration RUNS_FOR = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** How often a running export renews its lease and reports its rows: far more often than the lease lapses. */
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(ExportRunner.class);

    private final EntityManager em;
    private final Leases leases;
    private final ExportSources sources;
    private final ExportFiles files;
    private final RunAs runAs;
    private final ObjectMapper json;
    private final Contract contract;
    private final Clock clock;

    public ExportRunner(EntityManager em, Leases leases, ExportSources sources, ExportFiles files, RunAs runAs,
            ObjectMapper json, Contract contract, Clock clock) {
        this.em = em;
        this.leases = leases;
        this.sources = sources;
        this.files = files;
        this.runAs = runAs;
        this.json = json;
        this.contract = contract;
        this.clock = clock;
    }

    @Scheduled(every = "${zuofeng.exports.every:1s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runQueued();
        expire();
    }

    /** Runs queued jobs until none is left; answers how many ran. */
    public int runQueued() {
        int ran = 0;
        for (Leases.Claimed claimed = claim(); !claimed.ids().isEmpty(); claimed = claim()) {
            run(claimed.ids().get(0), claimed.holder());
            ran++;
        }
        return ran;
    }

    /** Removes the files of jobs done more than a day ago; answers how many expired. */
    public int expire() {
        @SuppressWarnings("unchecked")
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update export_jobs set status = 'EXPIRED'
                        where status = 'DONE' and expires_at <= :now
                        returning id""")
                .setParameter("now", clock.instant()).getResultList());
        expired.forEach(files::delete);
        files.deleteAbandonedParts(clock.instant().minus(KEPT));
        return expired.size();
    }

    /** The next queued job (or one whose worker's lease lapsed), started afresh in a lease of this worker's. */
    private Leases.Claimed claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Leases.Claimed claimed = leases.claim(TABLE, "status in ('QUEUED', 'RUNNING')", Map.of(), "created_at", 1,
                    LEASE);
            claimed.ids().forEach(id -> em.createNativeQuery("""
                            update export_jobs set status = 'RUNNING', started_at = coalesce(started_at, :now),
                                row_count = 0
                            where id = :id""")
                    .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate());
            return claimed;
        });
    }

    /** Writes the job's file as one run of it: its own part file, published only while the run holds the job. */
    private void run(UUID id, String holder) {
        ExportJob job = QuarkusTransaction.requiringNew().call(() -> em.find(ExportJob.class, id));
        Path part = files.part(id, UUID.randomUUID());
        ExportFiles.RunKey key = files.newKey(id);
        try {
            long[] written = write(job, part, key, holder);
            Leases.held(QuarkusTransaction.requiringNew().call(() -> leases.renew(TABLE, id, holder, LEASE)));
            files.publish(part, id);
            Instant done = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> leases.settle(TABLE, id, holder, """
                            status = 'DONE', row_count = :rows, byte_count = :bytes, finished_at = :done,
                            expires_at = :expires, key_ref = :ref, wrapped_key = :wrapped, kek_id = :kek""",
                    Map.of("rows", written[0], "bytes", written[1], "done", done, "expires", done.plus(KEPT),
                            "ref", key.key().ref(), "wrapped", key.wrapped().bytes(), "kek", key.wrapped().kekId())));
        } catch (Leases.Lost lost) {
            LOG.infof("Export %s: another worker took it over; this one leaves it", id);
            files.delete(part);
        } catch (Exception e) {
            String why = e instanceof ProblemException problem ? problem.getMessage()
                    : "The export could not be completed; quote its id when reporting it";
            if (!(e instanceof ProblemException)) {
                LOG.errorf(e, "Export %s failed", id);
            }
            files.delete(part);
            QuarkusTransaction.requiringNew().run(() -> leases.settle(TABLE, id, holder,
                    "status = 'FAILED', error = :why, finished_at = :now", Map.of("why", why, "now", clock.instant())));
        }
    }

    /**
     * Writes every row the requester may see, as they come from the database {@value #CHUNK} at a time, each chunk
     * written while the next is read ({@link OverlappedWriter}); renews the lease and tells the progress every second;
     * stops at the next renewal once the job is no longer this worker's, and never publishes a file unless it still
     * holds the job ({@link #run}).
     */
    private long[] write(ExportJob job, Path part, ExportFiles.RunKey key, String holder) throws IOException {
        long[] rows = {0};
        long[] reported = {System.nanoTime()};
        Counted out = new Counted(files.sealing(key, part));
        try (out) {
            ExportWriter writer = new ExportWriter(job.format, columns(job.entity), json, out);
            writer.begin();
            try (OverlappedWriter overlapped = new OverlappedWriter(writer, "export-" + job.id)) {
                runAs.call(job.requesterSubject, Set.of(job.requesterRoles), () -> QuarkusTransaction.requiringNew()
                        .timeout((int) RUNS_FOR.toSeconds())
                        .call(() -> {
                            sources.stream(job.entity, job.filters, CHUNK, chunk -> {
                                overlapped.write(chunk);
                                rows[0] += chunk.size();
                                if (System.nanoTime() - reported[0] >= REPORT_EVERY.toNanos()) {
                                    progress(job.id, holder, rows[0]);
                                    reported[0] = System.nanoTime();
                                }
                            });
                            return null;
                        }));
                overlapped.finish();
            }
            writer.end();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new long[] {rows[0], out.count};
    }

    /** Buffered, and counting the bytes written: the file's length in clear (one writer at a time writes it). */
    private static final class Counted extends BufferedOutputStream {
        private long count;

        Counted(OutputStream out) {
            super(out, 1 << 16);
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            super.write(bytes, off, len);
            count += len;
        }
    }

    /** Renews the lease and records how far the run is, in a transaction of its own; {@link Leases.Lost} if lost. */
    private void progress(UUID id, String holder, long rows) {
        Leases.held(QuarkusTransaction.requiringNew().call(() -> leases.renew(TABLE, id, holder, LEASE)
                && em.createNativeQuery("update export_jobs set row_count = :rows where id = :id")
                .setParameter("rows", rows).setParameter("id", id).executeUpdate() == 1));
    }

    /** The CSV columns: the members of the rows' schema in the contract, in its order. */
    private List<String> columns(ExportEntity entity) {
        List<String> columns = new ArrayList<>();
        contract.document().at("/components/schemas/" + ExportSources.SCHEMAS.get(entity) + "/properties")
                .fieldNames().forEachRemaining(columns::add);
        return columns;
    }
}
