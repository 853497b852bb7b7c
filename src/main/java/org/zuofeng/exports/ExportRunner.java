package org.zuofeng.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.openapi.Contract;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.RunAs;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Runs export jobs: a replica claims a queued job ({@code FOR UPDATE SKIP LOCKED}, with a lease it renews after each
 * page, so a job whose replica died is taken up again), reads the list page by page as the requester, and streams
 * the rows to a file; memory holds one page at a time, whatever the size. Files are removed a day after they are
 * done.
 */
@ApplicationScoped
public class ExportRunner {

    static final Duration KEPT = Duration.ofHours(24);
    private static final int PAGE = 500;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(ExportRunner.class);

    private final EntityManager em;
    private final ExportSources sources;
    private final ExportFiles files;
    private final RunAs runAs;
    private final ObjectMapper json;
    private final Contract contract;
    private final Clock clock;

    public ExportRunner(EntityManager em, ExportSources sources, ExportFiles files, RunAs runAs, ObjectMapper json,
            Contract contract, Clock clock) {
        this.em = em;
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
        for (UUID id = claim(); id != null; id = claim()) {
            run(id);
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
        return expired.size();
    }

    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<UUID> claimed = em.createNativeQuery("""
                            update export_jobs set status = 'RUNNING', leased_until = :lease,
                                started_at = coalesce(started_at, :now), row_count = 0
                            where id = (
                                select id from export_jobs
                                where status = 'QUEUED' or status = 'RUNNING' and leased_until < :now
                                order by created_at
                                limit 1
                                for update skip locked)
                            returning id""")
                    .setParameter("lease", now.plus(LEASE)).setParameter("now", now).getResultList();
            return claimed.isEmpty() ? null : claimed.get(0);
        });
    }

    private void run(UUID id) {
        ExportJob job = QuarkusTransaction.requiringNew().call(() -> em.find(ExportJob.class, id));
        try {
            long rows = write(job);
            files.publish(id);
            Instant done = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update export_jobs set status = 'DONE', row_count = :rows, finished_at = :done,
                                expires_at = :expires, leased_until = null
                            where id = :id""")
                    .setParameter("rows", rows).setParameter("done", done).setParameter("expires", done.plus(KEPT))
                    .setParameter("id", id).executeUpdate());
        } catch (Exception e) {
            String why = e instanceof ProblemException problem ? problem.getMessage()
                    : "The export could not be completed; quote its id when reporting it";
            if (!(e instanceof ProblemException)) {
                LOG.errorf(e, "Export %s failed", id);
            }
            files.delete(id);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update export_jobs set status = 'FAILED', error = :why, finished_at = :now,
                                leased_until = null
                            where id = :id""")
                    .setParameter("why", why).setParameter("now", clock.instant()).setParameter("id", id)
                    .executeUpdate());
        }
    }

    private long write(ExportJob job) throws Exception {
        long rows = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(files.part(job.id)),
                StandardCharsets.UTF_8), 1 << 16)) {
            ExportWriter writer = new ExportWriter(job.format, columns(job.entity), json, out);
            writer.begin();
            String cursor = null;
            do {
                String from = cursor;
                Page<?> page = runAs.call(job.requesterSubject, Set.of(job.requesterRoles),
                        () -> QuarkusTransaction.requiringNew().call(() -> sources.page(job.entity, job.filters,
                                PageRequest.of(PAGE, from, null))));
                for (Object item : page.items()) {
                    writer.row(item);
                }
                rows += page.items().size();
                long progress = rows;
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                                update export_jobs set row_count = :rows, leased_until = :lease where id = :id""")
                        .setParameter("rows", progress).setParameter("lease", clock.instant().plus(LEASE))
                        .setParameter("id", job.id).executeUpdate());
                cursor = page.next();
            } while (cursor != null);
        }
        return rows;
    }

    /** The CSV columns: the members of the rows' schema in the contract, in its order. */
    private List<String> columns(ExportEntity entity) {
        List<String> columns = new ArrayList<>();
        contract.document().at("/components/schemas/" + ExportSources.SCHEMAS.get(entity) + "/properties")
                .fieldNames().forEachRemaining(columns::add);
        return columns;
    }
}
