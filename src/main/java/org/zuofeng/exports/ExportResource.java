package org.zuofeng.exports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.web.ContentDisposition;

import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /api/v1/exports}: a list in bulk, as NDJSON or CSV, made in the background and fetched by whoever asked
 * for it, for a day.
 */
@Path("/api/v1/exports")
@Requires(Permission.EXPORTS_RUN)
@Idempotent
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final ExportService service;
    private final ExportFiles files;

    public ExportResource(ExportService service, ExportFiles files) {
        this.service = service;
        this.files = files;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ExportRequest body, UriInfo uri) {
        ExportJobView job = service.create(body);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ExportJobView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /** The file, gzip-compressed when the client accepts it. */
    @GET
    @Path("/{id}/content")
    @Produces({NDJSON, CSV})
    public Response content(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        ExportJob job = service.ready(id);
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
        StreamingOutput body = out -> {
            try (InputStream in = files.open(job)) {
                if (gzip) {
                    try (GZIPOutputStream zipped = new GZIPOutputStream(out, 1 << 16)) {
                        in.transferTo(zipped);
                    }
                } else {
                    in.transferTo(out);
                }
            }
        };
        String name = job.entity.name().toLowerCase(Locale.ROOT) + "-" + id + "."
                + (job.format == ExportFormat.CSV ? "csv" : "ndjson");
        Response.ResponseBuilder response = Response.ok(body)
                .type(job.format == ExportFormat.CSV ? CSV + "; charset=utf-8" : NDJSON + "; charset=utf-8")
                .header("Content-Disposition", ContentDisposition.attachment(name))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header("Content-Encoding", "gzip");
        } else {
            response.header(HttpHeaders.CONTENT_LENGTH, files.length(job));
        }
        return response.build();
    }
}
