package org.zuofeng.finding;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;

import java.util.UUID;

/** {@code /api/v1/findings}: every finding the caller may see, across inspections; corrections and lifecycle. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.FINDINGS_READ)
@Idempotent
public class FindingResource {

    private final FindingService service;

    public FindingResource(FindingService service) {
        this.service = service;
    }

    @GET
    public Page<FindingView> query(@BeanParam FindingFilters filters, @BeanParam PageParams page) {
        return service.query(filters.query(), page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public FindingView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Requires(Permission.FINDINGS_RECORD)
    public FindingView update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull FindingWrite body) {
        return service.update(id, IfMatch.required(ifMatch), body);
    }

    @POST
    @Path("/{id}/transitions")
    @Requires(Permission.FINDINGS_STEP)
    public FindingView transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TransitionRequest body) {
        return service.transition(id, IfMatch.required(ifMatch), body);
    }

    @GET
    @Path("/{id}/transitions")
    public Page<TransitionView> history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return service.history(id, page.sort(), page.request());
    }
}
