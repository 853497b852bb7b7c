package org.zuofeng.exports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.time.Times;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk exports: asked for by anyone who may read the list, run in the background as them, fetched by them alone
 * while the file is kept (a day). The filters are checked when the export is asked for, by reading the list's
 * first row as the export will, so a mistake is a 400 at once rather than a failed job later.
 */
@ApplicationScoped
@Transactional
public class ExportService {

    static final String ENTITY_TYPE = "export-job";

    private final EntityManager em;
    private final ExportSources sources;
    private final ExportFiles files;
    private final AuditTrail audit;
    private final Caller caller;
    private final Clock clock;

    public ExportService(EntityManager em, ExportSources sources, ExportFiles files, AuditTrail audit,
            Caller caller, Clock clock) {
        this.em = em;
        this.sources = sources;
        this.files = files;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    public ExportJobView create(ExportRequest request) {
        Map<String, String> filters = request.filters() == null ? Map.of() : Map.copyOf(request.filters());
        sources.page(request.entity(), filters, PageRequest.of(1, null, null));
        ExportJob job = new ExportJob();
        job.id = Ids.newId();
        job.requesterSubject = caller.subject();
        job.requesterRoles = caller.roles().toArray(String[]::new);
        job.entity = request.entity();
        job.format = request.format();
        job.filters = filters;
        job.status = ExportStatus.QUEUED;
        job.createdAt = clock.instant();
        em.persist(job);
        ExportJobView view = view(job);
        audit.record("CREATE", ENTITY_TYPE, job.id, null, view);
        return view;
    }

    public ExportJobView get(UUID id) {
        return view(own(id));
    }

    /** The job, ready to be fetched: 409 while it runs or when it failed, 410 once its file is gone. */
    ExportJob ready(UUID id) {
        ExportJob job = own(id);
        if (job.status == ExportStatus.EXPIRED || job.status == ExportStatus.DONE
                && !clock.instant().isBefore(job.expiresAt)) {
            throw new ProblemException(ErrorCode.EXPORT_EXPIRED, Text.of("exports.exportExpiredAtAskNew", id,
                    Times.toWire(job.expiresAt)));
        }
        if (job.status != ExportStatus.DONE || !files.exists(id)) {
            throw new ProblemException(ErrorCode.EXPORT_NOT_READY, job.error == null
                    ? Text.of("exports.notReady", id, job.status) : Text.of("exports.failed", id, job.status,
                    job.error));
        }
        return job;
    }

    private ExportJob own(UUID id) {
        ExportJob job = em.find(ExportJob.class, id);
        if (job == null || !job.requesterSubject.equals(caller.subject())) {
            throw ProblemException.notFound("export", id);
        }
        return job;
    }

    static ExportJobView view(ExportJob job) {
        return new ExportJobView(job.id, job.entity, job.format, job.filters, job.status, job.rowCount,
                job.status == ExportStatus.DONE || job.status == ExportStatus.EXPIRED ? job.rowCount : null,
                job.error, Times.toWire(job.createdAt), Times.toWire(job.startedAt), Times.toWire(job.finishedAt),
                Times.toWire(job.expiresAt));
    }
}
