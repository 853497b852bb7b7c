package org.zuofeng.common.transparency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

/**
 * {@code /api/v1/audit-log}: the transparency log for admins and auditors, a tree head signed on demand and a
 * verification of the whole record against the log. The proof of one event is under its own path
 * ({@code /api/v1/audit-events/{id}/proof}).
 */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.AUDIT_READ)
public class AuditLogResource {

    private final Transparency transparency;

    public AuditLogResource(Transparency transparency) {
        this.transparency = transparency;
    }

    /** Seals what is committed and signs the head of the tree now. */
    @POST
    @Path("/tree-heads")
    public TreeHeadView sign() {
        return transparency.signNow();
    }

    @GET
    @Path("/verification")
    public AuditLogVerifier.Report verify() {
        return transparency.verify();
    }
}
