package org.zuofeng.common.audit;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.transparency.Transparency;
import org.zuofeng.common.transparency.TransparencyViews;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code /api/v1/audit-events}: the append-only audit log, for admins and auditors. */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.AUDIT_READ)
public class AuditEventResource {

    private final AuditEventService service;
    private final Transparency transparency;

    public AuditEventResource(AuditEventService service, Transparency transparency) {
        this.service = service;
        this.transparency = transparency;
    }

    @GET
    public Page<AuditEventView> list(@QueryParam("entityType") @Size(max = 64) String entityType,
            @QueryParam("entityId") UUID entityId, @QueryParam("actor") @Size(max = 255) String actor,
            @QueryParam("action") @Size(max = 64) String action, @QueryParam("from") OffsetDateTime from,
            @QueryParam("to") OffsetDateTime to, @BeanParam PageParams page) {
        return service.list(new AuditEventService.Query(entityType, entityId, actor, action, from, to), page.sort(),
                page.request());
    }

    /** The proof that the event is in the transparency log's tree of {@code treeSize} leaves. */
    @GET
    @Path("/{id}/proof")
    public TransparencyViews.InclusionView proof(@PathParam("id") UUID id, @QueryParam("treeSize") Long treeSize) {
        return transparency.inclusion(id, treeSize);
    }
}
