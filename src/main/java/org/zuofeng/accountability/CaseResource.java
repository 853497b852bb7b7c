package org.zuofeng.accountability;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.web.QueryValues;
import org.zuofeng.documents.DocumentRenderer;

import java.time.LocalDate;
import java.util.UUID;

/** {@code /api/v1/accountability-cases}: cases, decisions, appeals. Commission and admins write; HR reads decided. */
@Path("/api/v1/accountability-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.CASES_READ)
@Idempotent
public class CaseResource {

    private final CaseService service;
    private final CaseDecisions decisions;

    private final CaseDocuments documents;

    public CaseResource(CaseService service, CaseDecisions decisions, CaseDocuments documents) {
        this.service = service;
        this.decisions = decisions;
        this.documents = documents;
    }

    @POST
    @Requires(Permission.CASES_WRITE)
    public Response create(@Valid @NotNull CaseWrite body, UriInfo uri) {
        CaseView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public CaseView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    public Page<CaseView> list(@QueryParam("subjectOfficialId") UUID subjectOfficialId,
            @QueryParam("unitId") UUID unitId, @QueryParam("includeSubunits") Boolean includeSubunits,
            @QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("measure") Measure measure, @QueryParam("decidedFrom") LocalDate decidedFrom,
            @QueryParam("decidedTo") LocalDate decidedTo, @BeanParam PageParams page) {
        var query = new CaseService.Query(subjectOfficialId, unitId, Boolean.TRUE.equals(includeSubunits),
                QueryValues.enums("kind", kind, CaseKind.class), QueryValues.enums("status", status, CaseStatus.class),
                measure, decidedFrom, decidedTo);
        return service.list(query, page.sort(), page.request());
    }

    /** Decides an open case; answered with the case. */
    @POST
    @Path("/{id}/decision")
    @Requires(Permission.CASES_WRITE)
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull DecisionWrite body, UriInfo uri) {
        return Response.created(uri.getAbsolutePath()).entity(decisions.decide(id, body)).build();
    }

    @GET
    @Path("/{id}/decision")
    public CaseView.DecisionView decision(@PathParam("id") UUID id) {
        return decisions.decision(id);
    }

    /** The formal document of the standing decision, or of {@code decisionId} among the case's decisions, as PDF. */
    @GET
    @Path("/{id}/document")
    @Produces(DocumentRenderer.MEDIA_TYPE)
    public Response document(@PathParam("id") UUID id, @QueryParam("decisionId") UUID decisionId) {
        return documents.render(id, decisionId).response();
    }

    /** Files the subject's appeal; answered with the case. */
    @POST
    @Path("/{id}/appeals")
    @Requires(Permission.CASES_WRITE)
    public Response appeal(@PathParam("id") UUID id, @Valid @NotNull AppealWrite body, UriInfo uri) {
        CaseView appealed = decisions.appeal(id, body);
        UUID appealId = appealed.appeals().get(appealed.appeals().size() - 1).id();
        return Response.created(uri.getAbsolutePathBuilder().path(appealId.toString()).build())
                .entity(appealed).build();
    }

    @GET
    @Path("/{id}/appeals/{appealId}")
    public CaseView.AppealView appealOf(@PathParam("id") UUID id, @PathParam("appealId") UUID appealId) {
        return decisions.appealOf(id, appealId);
    }

    @POST
    @Path("/{id}/appeals/{appealId}/resolution")
    @Requires(Permission.CASES_WRITE)
    public CaseView resolve(@PathParam("id") UUID id, @PathParam("appealId") UUID appealId,
            @Valid @NotNull AppealResolution body) {
        return decisions.resolveAppeal(id, appealId, body);
    }

    @POST
    @Path("/{id}/transitions")
    @Requires(Permission.CASES_WRITE)
    public CaseView transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        return service.transition(id, IfMatch.required(ifMatch), body);
    }

    @GET
    @Path("/{id}/transitions")
    public Page<TransitionView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.history(id, page.sort(), page.request());
    }
}
