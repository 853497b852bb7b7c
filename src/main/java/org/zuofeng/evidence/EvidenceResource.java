package org.zuofeng.evidence;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.UriBuilder;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.web.ContentDisposition;

import java.io.InputStream;
import java.util.UUID;

/** {@code /api/v1/evidence/{id}}: evidence metadata, its content with byte ranges, and withdrawal. */
@Path("/api/v1/evidence/{id}")
@Requires(Permission.EVIDENCE_READ)
@Idempotent
public class EvidenceResource {

    private final EvidenceService service;

    public EvidenceResource(EvidenceService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EvidenceView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    /**
     * The bytes, whole (200) or one byte range (206), with the digest as ETag. Always as a download
     * ({@code attachment}) under a safe name, in a sandbox that runs nothing: whatever the bytes also are (a picture
     * may be a web page too), a browser never renders them as the API's own page.
     */
    @GET
    @Path("/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange) {
        EvidenceService.Slice slice = service.content(id, range, ifRange);
        InputStream opened = service.open(slice);
        StreamingOutput bytes = out -> {
            try (opened) {
                opened.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(slice.partial() ? 206 : 200).entity(bytes)
                .type(slice.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, slice.length())
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, EvidenceService.etagOf(slice.sha256()));
        if (slice.partial()) {
            response.header("Content-Range", "bytes " + slice.offset() + "-" + (slice.offset() + slice.length() - 1)
                    + "/" + slice.total());
        }
        return response
                .header("Content-Disposition", ContentDisposition.attachment(slice.fileName()))
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .build();
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.EVIDENCE_WITHDRAW)
    public EvidenceView transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        return service.transition(id, IfMatch.required(ifMatch), body);
    }

    @GET
    @Path("/transitions")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<TransitionView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.history(id, page.sort(), page.request());
    }

    public static Response created(Creation<EvidenceView> creation) {
        return creation.created()
                ? Response.created(UriBuilder.fromPath("/api/v1/evidence/{id}").build(creation.view().id()))
                        .entity(creation.view()).build()
                : Response.ok(creation.view()).build();
    }
}
