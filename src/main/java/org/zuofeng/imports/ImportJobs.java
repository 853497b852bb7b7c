package org.zuofeng.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.time.Times;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import request becomes: its body received onto the shared volume, bounded before and while it is read;
 * then a small body imported at once and answered with the report, a large one queued as a job that any replica's
 * {@link ImportRunner} takes, answered 202. A job is its requester's to read, with each row's report in pages.
 */
@ApplicationScoped
class ImportJobs {

    static final String ENTITY_TYPE = "import";
    private static final SortField<ImportRow> ROW = SortField.of("row", "row", r -> r.row, Integer.class);
    private static final Sorting<ImportRow> ROWS = new Sorting<>("row", ROW, ROW);

    /** What came of a request: a report now, or a job to follow. */
    record Received(ImportReport report, ImportJobView job) {
    }

    private final EntityManager em;
    private final ImportService imports;
    private final ImportFiles files;
    private final KeysetPager pager;
    private final AuditTrail audit;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxBody;
    private final long inline;
    private final int maxRows;

    ImportJobs(EntityManager em, ImportService imports, ImportFiles files, KeysetPager pager, AuditTrail audit,
            Caller caller, ObjectMapper json, Clock clock, ImportsConfig config) {
        this.em = em;
        this.imports = imports;
        this.files = files;
        this.pager = pager;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.maxBody = config.maxBodySize().asLongValue();
        this.inline = config.inlineSize().asLongValue();
        this.maxRows = config.maxRows();
    }

    /**
     * Receives the body (413 before reading it when its declared length is over the limit, and as soon as it runs
     * over), checks it against {@code expectedSha256} when given, and imports it at once or queues it.
     */
    Received receive(ImportEntity entity, String system, boolean dryRun, ImportFormat format, InputStream body,
            Long declaredLength, String expectedSha256, ProblemRendering rendering) {
        if (declaredLength != null && declaredLength > maxBody) {
            throw ImportFiles.tooLarge(maxBody);
        }
        ImportFiles.Received received = files.receive(body, maxBody);
        boolean queued = false;
        try {
            if (expectedSha256 != null && !expectedSha256.equals(received.sha256())) {
                throw new ProblemException(ErrorCode.DIGEST_MISMATCH,
                        Text.of("imports.digestMismatch"));
            }
            if (received.size() > inline) {
                queued = true;
                return new Received(null, queue(entity, system, dryRun, format, received));
            }
            List<ImportReport.Row> rows = new ArrayList<>();
            Map<ImportRowStatus, Long> counts;
            try (InputStream in = Files.newInputStream(received.path());
                    ImportRows parsed = ImportRows.read(in, format, json)) {
                counts = imports.run(entity, system, dryRun, parsed, maxRows, rendering, rows::addAll);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Received(new ImportReport(entity, dryRun, counts, rows), null);
        } finally {
            if (!queued) {
                files.delete(received.path());
            }
        }
    }

    /** The job, for its requester only (404 for anyone else). */
    ImportJobView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(own(id)));
    }

    /** A page of the job's row reports, in row order. */
    Page<ImportReport.Row> rows(UUID id, String sort, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            own(id);
            Filters filters = new Filters().always("e.importId = :importId", Map.of("importId", id));
            return pager.page(ImportRow.class, filters, ROWS, sort, page).map(ImportRow::report);
        });
    }

    private ImportJobView queue(ImportEntity entity, String system, boolean dryRun, ImportFormat format,
            ImportFiles.Received received) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID();
            job.requesterSubject = caller.subject();
            job.requesterRoles = caller.roles().toArray(String[]::new);
            job.entity = entity;
            job.system = system;
            job.format = format;
            job.dryRun = dryRun;
            job.status = ImportStatus.QUEUED;
            job.bodySize = received.size();
            job.createdAt = clock.instant();
            em.persist(job);
            try {
                Files.move(received.path(), files.path(job.id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ImportJobView view = view(job);
            audit.record("CREATE", ENTITY_TYPE, job.id, null, view);
            return view;
        });
    }

    private ImportJob own(UUID id) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job == null || !job.requesterSubject.equals(caller.subject())) {
            throw ProblemException.notFound("import", id);
        }
        em.refresh(job);
        return job;
    }

    static ImportJobView view(ImportJob job) {
        Map<ImportRowStatus, Long> counts = new EnumMap<>(ImportRowStatus.class);
        counts.put(ImportRowStatus.CREATED, job.created);
        counts.put(ImportRowStatus.UPDATED, job.updated);
        counts.put(ImportRowStatus.UNCHANGED, job.unchanged);
        counts.put(ImportRowStatus.REJECTED, job.rejected);
        return new ImportJobView(job.id, job.entity, job.dryRun, job.status, job.rowCount, job.rowsDone, counts,
                job.error, Times.toWire(job.createdAt), Times.toWire(job.startedAt), Times.toWire(job.finishedAt));
    }

}
