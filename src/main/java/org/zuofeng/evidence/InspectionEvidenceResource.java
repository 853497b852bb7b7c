package org.zuofeng.evidence;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.io.InputStream;
import java.util.UUID;

/** {@code /api/v1/inspections/{id}/evidence}: evidence backing a whole inspection (e.g. a covert-inspection video, 暗访专题片); uploaded as raw bytes with a digest. */
@Path("/api/v1/inspections/{id}/evidence")
@Requires(Permission.EVIDENCE_READ)
@Idempotent
public class InspectionEvidenceResource {

    private final EvidenceService service;
    private final EvidenceUploads uploads;

    public InspectionEvidenceResource(EvidenceService service, EvidenceUploads uploads) {
        this.service = service;
        this.uploads = uploads;
    }

    /** Streams the body into the store; {@code Content-Digest} required; same bytes again answer 200. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.EVIDENCE_UPLOAD)
    public Response upload(@PathParam("id") UUID id, InputStream body, @BeanParam UploadHeaders headers) {
        return EvidenceResource.created(uploads.upload(EvidenceService.Owner.inspection(id), headers.upload(body)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<EvidenceView> list(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.list(EvidenceService.Owner.inspection(id), page.sort(), page.request());
    }
}
