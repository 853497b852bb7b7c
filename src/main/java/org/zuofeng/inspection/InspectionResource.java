package org.zuofeng.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.web.QueryValues;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code /api/v1/inspections}: open inspections, covert visits and supervision checks, and their lifecycle. */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.INSPECTIONS_READ)
@Idempotent
public class InspectionResource {

    private final InspectionService service;

    public InspectionResource(InspectionService service) {
        this.service = service;
    }

    @POST
    @Requires(Permission.INSPECTIONS_PLAN)
    public Response create(@Valid @NotNull InspectionWrite body, UriInfo uri) {
        Creation<InspectionView> creation = service.create(body);
        return creation.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(creation.view().id().toString()).build())
                        .entity(creation.view()).build()
                : Response.ok(creation.view()).build();
    }

    @GET
    @Path("/{id}")
    public InspectionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.INSPECTIONS_CORRECT)
    public InspectionView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull InspectionWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @GET
    public Page<InspectionView> list(@QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("targetUnitId") UUID targetUnitId, @QueryParam("includeSubunits") Boolean includeSubunits,
            @QueryParam("teamMember") @Size(max = 255) String teamMember,
            @QueryParam("plannedFrom") LocalDate plannedFrom, @QueryParam("plannedTo") LocalDate plannedTo,
            @QueryParam("updatedSince") OffsetDateTime updatedSince, @BeanParam PageParams page) {
        var query = new InspectionService.Query(QueryValues.enums("type", type, InspectionType.class),
                QueryValues.enums("status", status, InspectionStatus.class), targetUnitId,
                Boolean.TRUE.equals(includeSubunits), teamMember, plannedFrom, plannedTo, updatedSince);
        return service.list(query, page.sort(), page.request());
    }

    @POST
    @Path("/{id}/transitions")
    @Requires(Permission.INSPECTIONS_STEP)
    public InspectionView transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        return service.transition(id, IfMatch.required(ifMatch), body);
    }

    @GET
    @Path("/{id}/transitions")
    public Page<TransitionView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.history(id, page.sort(), page.request());
    }
}
