package org.zuofeng.warning;

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
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;

/**
 * {@code /api/v1/typical-cases}: typical cases for warning education. The commission drafts them from decided cases
 * and a second person publishes them; every role reads what is published, the commission, admins and auditors drafts
 * too.
 */
@Path("/api/v1/typical-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.TYPICAL_CASES_READ)
@Idempotent
public class TypicalCaseResource {

    private final TypicalCases service;

    public TypicalCaseResource(TypicalCases service) {
        this.service = service;
    }

    @GET
    public Page<TypicalCaseView> list(@QueryParam("status") TypicalCaseStatus status, @BeanParam PageParams page) {
        return service.list(status, page.sort(), page.request());
    }

    @POST
    @Requires(Permission.TYPICAL_CASES_WRITE)
    public Response draft(@Valid @NotNull TypicalCaseWrite body, UriInfo uri) {
        TypicalCaseView drafted = service.draft(body);
        return Response.created(uri.getAbsolutePathBuilder().path(drafted.id().toString()).build())
                .entity(drafted).build();
    }

    @GET
    @Path("/{id}")
    public TypicalCaseView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.TYPICAL_CASES_WRITE)
    public TypicalCaseView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TypicalCaseWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @POST
    @Path("/{id}/publication")
    @Requires(Permission.TYPICAL_CASES_WRITE)
    public TypicalCaseView publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.publish(id, IfMatch.required(ifMatch));
    }
}
