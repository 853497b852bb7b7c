package org.zuofeng.notice;

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
import org.zuofeng.evidence.EvidenceResource;
import org.zuofeng.evidence.EvidenceService;
import org.zuofeng.evidence.EvidenceUploads;
import org.zuofeng.evidence.EvidenceView;
import org.zuofeng.evidence.UploadHeaders;

import java.io.InputStream;
import java.util.UUID;

/** {@code …/supervision-notices/{id}/responses/{responseId}/evidence}: evidence of a unit's rectification. */
@Path("/api/v1/supervision-notices/{id}/responses/{responseId}/evidence")
@Requires(Permission.EVIDENCE_READ)
@Idempotent
public class ResponseEvidenceResource {

    private final EvidenceService evidence;
    private final EvidenceUploads uploads;
    private final NoticeResponses responses;

    public ResponseEvidenceResource(EvidenceService evidence, EvidenceUploads uploads, NoticeResponses responses) {
        this.evidence = evidence;
        this.uploads = uploads;
        this.responses = responses;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.NOTICES_RESPOND)
    public Response upload(@PathParam("id") UUID id, @PathParam("responseId") UUID responseId, InputStream body,
            @BeanParam UploadHeaders headers) {
        responses.visible(id, responseId);
        return EvidenceResource.created(uploads.upload(EvidenceService.Owner.response(responseId),
                headers.upload(body)));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<EvidenceView> list(@PathParam("id") UUID id, @PathParam("responseId") UUID responseId,
            @BeanParam PageParams page) {
        responses.visible(id, responseId);
        return evidence.list(EvidenceService.Owner.response(responseId), page.sort(), page.request());
    }
}
