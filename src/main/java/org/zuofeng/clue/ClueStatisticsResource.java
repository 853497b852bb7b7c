package org.zuofeng.clue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.statistics.Period;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code /api/v1/statistics/clues}: the clue register counted, for the commission, admins and auditors. To every
 * other role it does not exist: 404, as the register.
 */
@Path("/api/v1/statistics/clues")
@Requires(Permission.CLUES_READ)
public class ClueStatisticsResource {

    private final ClueStatistics statistics;
    private final Clock clock;

    public ClueStatisticsResource(ClueStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ClueStatisticsView summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("unitId") UUID unitId, @QueryParam("includeSubunits") Boolean includeSubunits) {
        return statistics.summary(Period.ofQuery(from, to, unitId, includeSubunits, clock));
    }
}
