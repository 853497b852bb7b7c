package org.zuofeng.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;

import java.util.UUID;

/**
 * {@code /api/v1/assessments}: scores, public notice, objections, village votes. HR and admins write; the
 * commission and auditors read all; unit officers and machine clients read final results.
 */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.ASSESSMENTS_READ)
@Idempotent
public class AssessmentResource {

    private final AssessmentService service;
    private final AssessmentLifecycle lifecycle;
    private final Objections objections;

    public AssessmentResource(AssessmentService service, AssessmentLifecycle lifecycle, Objections objections) {
        this.service = service;
        this.lifecycle = lifecycle;
        this.objections = objections;
    }

    @POST
    @Requires(Permission.ASSESSMENTS_WRITE)
    public Response create(@Valid @NotNull AssessmentWrite body, UriInfo uri) {
        AssessmentView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public AssessmentView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.ASSESSMENTS_WRITE)
    public AssessmentView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AssessmentWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @GET
    public Page<AssessmentView> list(@QueryParam("schemeId") UUID schemeId, @QueryParam("year") Integer year,
            @QueryParam("subjectType") SubjectType subjectType, @QueryParam("unitId") UUID unitId,
            @QueryParam("includeSubunits") Boolean includeSubunits, @QueryParam("officialId") UUID officialId,
            @QueryParam("grade") Grade grade, @QueryParam("status") AssessmentStatus status,
            @BeanParam PageParams page) {
        var query = new AssessmentService.Query(schemeId, year, subjectType, unitId,
                Boolean.TRUE.equals(includeSubunits), officialId, grade, status);
        return service.list(query, page.sort(), page.request());
    }

    @POST
    @Path("/{id}/transitions")
    @Requires(Permission.ASSESSMENTS_WRITE)
    public AssessmentView transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        return lifecycle.transition(id, IfMatch.required(ifMatch), body);
    }

    @GET
    @Path("/{id}/transitions")
    public Page<TransitionView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.history(id, page.sort(), page.request());
    }

    /** An objection raised during public notice; objections live inside the assessment, which answers. */
    @POST
    @Path("/{id}/objections")
    @Requires(Permission.ASSESSMENTS_OBJECT)
    public Response object(@PathParam("id") UUID id, @Valid @NotNull ObjectionWrite body) {
        AssessmentView objected = objections.object(id, body);
        return Response.created(UriBuilder.fromPath("/api/v1/assessments/{id}").build(id)).entity(objected).build();
    }

    @POST
    @Path("/{id}/objections/{objectionId}/resolution")
    @Requires(Permission.ASSESSMENTS_WRITE)
    public AssessmentView resolve(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull ObjectionResolution body) {
        return objections.resolve(id, objectionId, body);
    }
}
