package org.zuofeng.official;

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
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.time.LocalDate;
import java.util.UUID;

/** {@code /api/v1/officials}: the people holding posts. HR and admins write; every role reads (unit officers: scoped). */
@Path("/api/v1/officials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.OFFICIALS_READ)
@Idempotent
public class OfficialResource {

    private final OfficialService service;

    public OfficialResource(OfficialService service) {
        this.service = service;
    }

    @POST
    @Requires(Permission.OFFICIALS_WRITE)
    public Response create(@Valid @NotNull OfficialWrite body, UriInfo uri) {
        OfficialView created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public OfficialView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.OFFICIALS_WRITE)
    public OfficialView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull OfficialWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @GET
    public Page<OfficialView> list(@QueryParam("unitId") UUID unitId,
            @QueryParam("includeSubunits") Boolean includeSubunits, @QueryParam("role") PostRole role,
            @QueryParam("activeOn") LocalDate activeOn, @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("partyMember") Boolean partyMember, @BeanParam PageParams page) {
        var query = new OfficialService.Query(unitId, Boolean.TRUE.equals(includeSubunits), role, activeOn, q,
                partyMember);
        return service.list(query, page.sort(), page.request());
    }

    /**
     * Finding an official by ID number (admin, HR, the commission) or by another system's id (any role, within what
     * it reads): what is searched for travels in the body, never in a URL.
     */
    @POST
    @Path("/search")
    public Page<OfficialView> search(@Valid @NotNull OfficialSearch body) {
        if (body.idNumber() != null && body.system() == null && body.externalId() == null) {
            return service.searchByIdNumber(body.idNumber());
        }
        if (body.idNumber() == null && body.system() != null && body.externalId() != null) {
            return service.searchByExternalId(body.system(), body.externalId());
        }
        throw ProblemException.invalidField("", Text.of("field.sendEitherIdNumberSystemExternalId"));
    }
}
