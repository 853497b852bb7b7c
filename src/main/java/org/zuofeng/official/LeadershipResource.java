package org.zuofeng.official;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.security.Roles;

import java.time.LocalDate;
import java.util.UUID;

/** {@code GET /api/v1/units/{id}/leadership?on=}: who led a unit on a day (default today). */
@Path("/api/v1/units/{id}/leadership")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.COMMISSION, Roles.INSPECTOR, Roles.HR, Roles.UNIT_OFFICER, Roles.AUDITOR,
        Roles.INTEGRATION})
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
