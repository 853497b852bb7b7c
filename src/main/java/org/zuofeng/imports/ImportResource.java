package org.zuofeng.imports;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.idempotency.IdempotencyFilter;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.ProblemRendering;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.web.ContentDigest;

import java.io.InputStream;
import java.util.UUID;

/**
 * {@code /api/v1/imports}: the personnel system's units, officials and posts in bulk, as CSV or NDJSON, by HR and
 * admins; a small body answered with what came of each row, a large one run in the background (202, the job).
 */
@Path("/api/v1/imports")
@Requires(Permission.IMPORTS_RUN)
public class ImportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final ImportJobs jobs;

    public ImportResource(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @Consumes({CSV, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importRows(@QueryParam("entity") ImportEntity entity,
            @QueryParam("system") @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String system,
            @QueryParam("dryRun") Boolean dryRun,
            @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
            @HeaderParam("Content-Digest") String contentDigest,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        if (entity == null) {
            throw ProblemException.invalidParameter("entity", Text.of("field.requiredKind"));
        }
        // With a key, the digest is what makes a retry "the same request" (the body is not kept): it is required.
        String sha256 = idempotencyKey != null || contentDigest != null ? ContentDigest.sha256Of(contentDigest) : null;
        boolean csv = headers.getMediaType() != null && headers.getMediaType().isCompatible(MediaType.valueOf(CSV));
        ImportJobs.Received received = jobs.receive(entity, system == null ? "personnel" : system,
                Boolean.TRUE.equals(dryRun), csv ? ImportFormat.CSV : ImportFormat.NDJSON, body, contentLength,
                sha256, ProblemRendering.of(headers, uri));
        if (received.report() != null) {
            return Response.ok(received.report()).build();
        }
        return Response.accepted(received.job())
                .location(uri.getAbsolutePathBuilder().path(received.job().id().toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportJobView get(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @GET
    @Path("/{id}/rows")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<ImportReport.Row> rows(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return jobs.rows(id, page.sort(), page.request());
    }
}
