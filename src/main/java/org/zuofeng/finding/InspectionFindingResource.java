package org.zuofeng.finding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;

/** {@code /api/v1/inspections/{inspectionId}/findings}: recording an inspection's findings, and listing them. */
@Path("/api/v1/inspections/{inspectionId}/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.FINDINGS_READ)
@Idempotent
public class InspectionFindingResource {

    private final FindingService service;

    public InspectionFindingResource(FindingService service) {
        this.service = service;
    }

    @GET
    public Page<FindingView> list(@PathParam("inspectionId") UUID inspectionId, @BeanParam FindingFilters filters,
            @BeanParam PageParams page) {
        return service.ofInspection(inspectionId, filters.query(), page.sort(), page.request());
    }

    @POST
    @Requires(Permission.FINDINGS_RECORD)
    public Response create(@PathParam("inspectionId") UUID inspectionId, @Valid @NotNull FindingWrite body) {
        Creation<FindingView> creation = service.create(inspectionId, body);
        return creation.created()
                ? Response.created(UriBuilder.fromPath("/api/v1/findings/{id}").build(creation.view().id()))
                        .entity(creation.view()).build()
                : Response.ok(creation.view()).build();
    }
}
