package org.zuofeng.official;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.time.LocalDate;
import java.util.UUID;

/** {@code GET /api/v1/units/{id}/leadership?on=}: who led a unit on a day (default today). */
@Path("/api/v1/units/{id}/leadership")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.OFFICIALS_READ)
public class LeadershipResource {

    private final PostService service;

    public LeadershipResource(PostService service) {
        this.service = service;
    }

    @GET
    public LeadershipView leadership(@PathParam("id") UUID unitId, @QueryParam("on") LocalDate on) {
        return service.leadership(unitId, on);
    }
}
