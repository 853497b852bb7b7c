package org.zuofeng.accountability;

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

import java.util.UUID;

/**
 * {@code /api/v1/escalations}: what the service did about rectification notices left overdue ({@link Escalations}),
 * for admins, the commission and auditors; on the event feed as {@code org.zuofeng.escalation.created}.
 */
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ESCALATIONS_READ)
public class EscalationResource {

    private final EscalationReads reads;

    public EscalationResource(EscalationReads reads) {
        this.reads = reads;
    }

    @GET
    public Page<EscalationView> list(@QueryParam("noticeId") UUID noticeId,
            @QueryParam("stage") EscalationStage stage, @BeanParam PageParams page) {
        return reads.list(noticeId, stage, page);
    }

    @GET
    @Path("/{id}")
    public EscalationView get(@PathParam("id") UUID id) {
        return reads.get(id);
    }
}
