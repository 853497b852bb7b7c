package org.zuofeng.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.zuofeng.common.jobs.Leases;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.security.RunAs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs imports queued in the background, on whichever replica claims them first ({@link Leases}, renewed before each
 * batch): as the requester, it counts the rows (refusing an import of more than the most it takes before applying
 * any), then applies them batch by batch, keeping each row's report and the progress; the body goes when the job
 * is done. A worker that loses its lease stops where it is, and the one that took the job over starts it again
 * (rows already applied come out unchanged).
 */
@ApplicationScoped
public class ImportRunner {

    private static final String TABLE = "import_jobs";
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final EntityManager em;
    private final Leases leases;
    private final ImportService imports;
    private final ImportFiles files;
    private final RunAs runAs;
    private final ObjectMapper json;
    private final Clock clock;
    private final int maxRows;

    ImportRunner(EntityManager em, Leases leases, ImportService imports, ImportFiles files, RunAs runAs,
            ObjectMapper json, Clock clock, ImportsConfig config) {
        this.em = em;
        this.leases = leases;
        this.imports = imports;
        this.files = files;
        this.runAs = runAs;
        this.json = json;
        this.clock = clock;
        this.maxRows = config.maxRows();
    }

    @Scheduled(every = "${zuofeng.imports.every:1s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runQueued();
    }

    /** Runs queued imports until none is left; answers how many ran. */
    public int runQueued() {
        int ran = 0;
        for (Leases.Claimed claimed = claim(); !claimed.ids().isEmpty(); claimed = claim()) {
            run(claimed.ids().get(0), claimed.holder());
            ran++;
        }
        return ran;
    }

    private Leases.Claimed claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Leases.Claimed claimed = leases.claim(TABLE, "status in ('QUEUED', 'RUNNING')", Map.of(), "created_at", 1,
                    LEASE);
            claimed.ids().forEach(id -> {
                em.createNativeQuery("delete from import_rows where import_id = :id").setParameter("id", id)
                        .executeUpdate();
                em.createNativeQuery("""
                                update import_jobs set status = 'RUNNING', started_at = coalesce(started_at, :now),
                                    rows_done = 0, created = 0, updated = 0, unchanged = 0, rejected = 0
                                where id = :id""")
                        .setParameter("now", clock.instant()).setParameter("id", id).executeUpdate();
            });
            return claimed;
        });
    }

    private void run(UUID id, String holder) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> em.find(ImportJob.class, id));
        Path body = files.path(id);
        try {
            long rows = count(body, job.format);
            if (rows > maxRows) {
                throw ImportService.tooManyRows(maxRows);
            }
            Leases.held(QuarkusTransaction.requiringNew().call(() -> leases.renew(TABLE, id, holder, LEASE)
                    && em.createNativeQuery("update import_jobs set row_count = :rows where id = :id")
                    .setParameter("rows", rows).setParameter("id", id).executeUpdate() == 1));
            Map<ImportRowStatus, Long> counts = runAs.call(job.requesterSubject, Set.of(job.requesterRoles), () -> {
                try (InputStream in = Files.newInputStream(body);
                        ImportRows parsed = ImportRows.read(in, job.format, json)) {
                    return imports.run(job.entity, job.system, job.dryRun, parsed, maxRows,
                            new ProblemRendering(false, "/api/v1/imports/" + id), batch -> keep(id, holder, batch));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Leases.held(QuarkusTransaction.requiringNew().call(() -> leases.settle(TABLE, id, holder, """
                            status = 'DONE', finished_at = :now""", Map.of("now", clock.instant()))));
            LOG.debugf("Import %s done: %s", id, counts);
            files.delete(body);
        } catch (Leases.Lost lost) {
            LOG.infof("Import %s: another worker took it over; this one leaves it", id);
        } catch (RuntimeException e) {
            String why = e instanceof ProblemException problem ? problem.getMessage()
                    : "The import could not be completed; quote its id when reporting it";
            if (!(e instanceof ProblemException)) {
                LOG.errorf(e, "Import %s failed", id);
            }
            if (QuarkusTransaction.requiringNew().call(() -> leases.settle(TABLE, id, holder,
                    "status = 'FAILED', error = :why, finished_at = :now", Map.of("why", why, "now",
                            clock.instant())))) {
                files.delete(body);
            }
        }
    }

    /** Keeps a batch's reports and moves the progress on, while this worker still holds the job. */
    private void keep(UUID id, String holder, List<ImportReport.Row> batch) {
        Leases.held(QuarkusTransaction.requiringNew().call(() -> {
            if (!leases.renew(TABLE, id, holder, LEASE)) {
                return false;
            }
            batch.forEach(row -> em.persist(ImportRow.of(id, row)));
            em.createNativeQuery("""
                            update import_jobs set rows_done = rows_done + :done,
                                created = created + :created, updated = updated + :updated,
                                unchanged = unchanged + :unchanged, rejected = rejected + :rejected
                            where id = :id""")
                    .setParameter("done", batch.size())
                    .setParameter("created", count(batch, ImportRowStatus.CREATED))
                    .setParameter("updated", count(batch, ImportRowStatus.UPDATED))
                    .setParameter("unchanged", count(batch, ImportRowStatus.UNCHANGED))
                    .setParameter("rejected", count(batch, ImportRowStatus.REJECTED))
                    .setParameter("id", id).executeUpdate();
            return true;
        }));
    }

    private long count(Path body, ImportFormat format) {
        long rows = 0;
        try (InputStream in = Files.newInputStream(body); ImportRows parsed = ImportRows.read(in, format, json)) {
            while (parsed.hasNext()) {
                parsed.next();
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static long count(List<ImportReport.Row> batch, ImportRowStatus status) {
        return batch.stream().filter(r -> r.status() == status).count();
    }
}
