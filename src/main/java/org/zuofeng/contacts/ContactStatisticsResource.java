package org.zuofeng.contacts;

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

/** {@code /api/v1/statistics/business-contacts}: the 亲清 register counted, for those who may read it. */
@Path("/api/v1/statistics/business-contacts")
@Requires(Permission.CONTACTS_READ)
public class ContactStatisticsResource {

    private final ContactStatistics statistics;
    private final Clock clock;

    public ContactStatisticsResource(ContactStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ContactStatisticsView summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("unitId") UUID unitId, @QueryParam("includeSubunits") Boolean includeSubunits) {
        return statistics.summary(Period.ofQuery(from, to, unitId, includeSubunits, clock));
    }
}
