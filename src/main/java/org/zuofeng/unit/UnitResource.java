package org.zuofeng.unit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.web.QueryValues;

import java.time.LocalDate;
import java.util.UUID;

/** {@code /api/v1/units}: the district's unit tree. HR and admins write; every role reads. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.UNITS_READ)
@Idempotent
public class UnitResource {

    private final UnitService service;
    private final UnitReorganisations reorganisations;

    public UnitResource(UnitService service, UnitReorganisations reorganisations) {
        this.service = service;
        this.reorganisations = reorganisations;
    }

    @POST
    @Requires(Permission.UNITS_WRITE)
    public Response create(@Valid @NotNull UnitWrite body, UriInfo uri) {
        UnitView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public UnitView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.UNITS_WRITE)
    public UnitView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @QueryParam("effectiveOn") LocalDate effectiveOn, @Valid @NotNull UnitWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body, effectiveOn);
    }

    /** Every version the unit had, and the units it succeeded or that succeeded it. */
    @GET
    @Path("/{id}/history")
    public UnitHistoryView history(@PathParam("id") UUID id) {
        return reorganisations.history(id);
    }

    /** Merges other units into this one. */
    @POST
    @Path("/{id}/merger")
    @Requires(Permission.UNITS_WRITE)
    public UnitHistoryView merge(@PathParam("id") UUID id, @Valid @NotNull MergerWrite body) {
        return reorganisations.merge(id, body);
    }

    /** Splits this unit into others. */
    @POST
    @Path("/{id}/split")
    @Requires(Permission.UNITS_WRITE)
    public UnitHistoryView split(@PathParam("id") UUID id, @Valid @NotNull SplitWrite body) {
        return reorganisations.split(id, body);
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.UNITS_WRITE)
    public UnitView dissolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.dissolve(id, IfMatch.required(ifMatch));
    }

    @GET
    public Page<UnitView> list(@QueryParam("parentId") UUID parentId, @QueryParam("ancestorId") UUID ancestorId,
            @QueryParam("type") String type, @QueryParam("status") String status,
            @QueryParam("q") @Size(max = 200) String q, @QueryParam("code") @Size(min = 1, max = 64) String code,
            @BeanParam PageParams page) {
        var query = new UnitService.Query(parentId, ancestorId, QueryValues.enums("type", type, UnitType.class),
                QueryValues.enums("status", status, UnitStatus.class), q, code);
        return service.list(query, page.sort(), page.request());
    }
}
