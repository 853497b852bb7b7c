package org.zuofeng.clue;

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
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;

/**
 * {@code /api/v1/identity-requests}: requests to read a real-name reporter's identity (made on a clue), decided by a
 * custodian; the requester reads the identity once approved, each reading on the audit record.
 */
@Path("/api/v1/identity-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.IDENTITY_REQUESTS_READ)
@Idempotent
public class IdentityRequestResource {

    private final IdentityCustody custody;

    public IdentityRequestResource(IdentityCustody custody) {
        this.custody = custody;
    }

    @GET
    public Page<IdentityRequestView> list(@QueryParam("status") IdentityRequestStatus status,
            @BeanParam PageParams page) {
        return custody.list(status, page.sort(), page.request());
    }

    @GET
    @Path("/{id}")
    public IdentityRequestView get(@PathParam("id") UUID id) {
        return custody.get(id);
    }

    /** A custodian approves or refuses the request. */
    @POST
    @Path("/{id}/decision")
    @Requires(Permission.IDENTITY_CUSTODY)
    public IdentityRequestView decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ApprovalWrite body) {
        return custody.decide(id, IfMatch.required(ifMatch), body);
    }

    /** The reporter's identity, for the member whose request was approved. */
    @GET
    @Path("/{id}/identity")
    @Requires(Permission.CLUES_WRITE)
    public ReporterIdentity identity(@PathParam("id") UUID id) {
        return custody.identity(id);
    }
}
