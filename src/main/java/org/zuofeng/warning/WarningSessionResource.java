package org.zuofeng.warning;

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
import jakarta.ws.rs.core.UriInfo;
import org.zuofeng.common.idempotency.Idempotent;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;

/** {@code /api/v1/units/{id}/warning-education-sessions}: the warning-education sessions a unit held. */
@Path("/api/v1/units/{id}/warning-education-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Requires(Permission.WARNING_SESSIONS_READ)
@Idempotent
public class WarningSessionResource {

    private final WarningSessions sessions;

    public WarningSessionResource(WarningSessions sessions) {
        this.sessions = sessions;
    }

    @GET
    public Page<WarningSessionView> list(@PathParam("id") UUID unitId, @BeanParam PageParams page) {
        return sessions.list(unitId, page.sort(), page.request());
    }

    @POST
    @Requires(Permission.WARNING_SESSIONS_RECORD)
    public Response record(@PathParam("id") UUID unitId, @Valid @NotNull WarningSessionWrite body, UriInfo uri) {
        WarningSessionView recorded = sessions.record(unitId, body);
        return Response.status(Response.Status.CREATED).entity(recorded).build();
    }
}
