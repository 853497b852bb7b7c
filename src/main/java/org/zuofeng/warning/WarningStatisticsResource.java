package org.zuofeng.warning;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;

import java.util.UUID;

/** {@code /api/v1/statistics/warning-education}: warning education counted for a year, per unit. */
@Path("/api/v1/statistics/warning-education")
@Requires(Permission.WARNING_SESSIONS_READ)
public class WarningStatisticsResource {

    private final WarningStatistics statistics;

    public WarningStatisticsResource(WarningStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WarningStatisticsView year(@QueryParam("year") Integer year, @QueryParam("unitId") UUID unitId) {
        return statistics.year(year, unitId);
    }
}
