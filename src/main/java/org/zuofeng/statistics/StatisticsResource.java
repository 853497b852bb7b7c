package org.zuofeng.statistics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Requires;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.web.Csv;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code /api/v1/statistics/summary}: the figures the commission reports each year, for a period and a unit, of
 * what the caller may read; as JSON, or as CSV with {@code Accept: text/csv}.
 */
@Path("/api/v1/statistics/summary")
@Requires(Permission.STATISTICS_READ)
public class StatisticsResource {

    static final String CSV = "text/csv";

    private final StatisticsService service;
    private final Clock clock;

    public StatisticsResource(StatisticsService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatisticsSummary summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("unitId") UUID unitId, @QueryParam("includeSubunits") Boolean includeSubunits) {
        return service.summary(period(from, to, unitId, includeSubunits));
    }

    /** The same figures as CSV: one record per figure and dimension. */
    @GET
    @Produces(CSV)
    public Response summaryCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("unitId") UUID unitId, @QueryParam("includeSubunits") Boolean includeSubunits) {
        StatisticsSummary s = service.summary(period(from, to, unitId, includeSubunits));
        StringBuilder csv = new StringBuilder().append(Csv.BOM).append(Csv.record("figure", "dimension", "count"));
        s.inspectionsCompleted().forEach((type, n) -> csv.append(row("inspectionsCompleted", type.name(), n)));
        csv.append(row("openAndCovertInspections", "", s.openAndCovertInspections()));
        csv.append(row("exposureFeatures", "", s.exposureFeatures()));
        csv.append(row("findings", "", s.findings().total()));
        s.findings().byCategory().forEach((k, n) -> csv.append(row("findings.byCategory", k.name(), n)));
        s.findings().byDefect().forEach((k, n) -> csv.append(row("findings.byDefect", k.name(), n)));
        s.findings().bySeverity().forEach((k, n) -> csv.append(row("findings.bySeverity", k.name(), n)));
        csv.append(row("rectification.issued", "", s.rectification().issued()));
        csv.append(row("rectification.accepted", "", s.rectification().accepted()));
        csv.append(row("rectification.overdue", "", s.rectification().overdue()));
        s.noticesIssued().forEach(i -> csv.append(row("noticesIssued", i.type() + "/" + i.year(), i.count())));
        csv.append(row("officialsDealtWith.officials", "", s.officialsDealtWith().officials()));
        csv.append(row("officialsDealtWith.sanctioned", "", s.officialsDealtWith().sanctioned()));
        s.assessmentGrades().forEach(g -> csv.append(row("assessmentGrades",
                g.schemeId() + "/" + g.year() + "/" + g.grade(), g.count())));
        s.leadershipTeamsByGrade().forEach((g, n) -> csv.append(row("leadershipTeamsByGrade", g.name(), n)));
        s.unitsByFindings().forEach(u -> csv.append(row("unitsByFindings", u.name(), u.count())));
        s.unitsByOverdueRectifications().forEach(u -> csv.append(row("unitsByOverdueRectifications", u.name(),
                u.count())));
        return Response.ok(csv.toString()).type(CSV + "; charset=utf-8").build();
    }

    private static String row(String figure, String dimension, long count) {
        return Csv.record(figure, dimension, Long.toString(count));
    }

    private Period period(LocalDate from, LocalDate to, UUID unitId, Boolean includeSubunits) {
        return Period.ofQuery(from, to, unitId, includeSubunits, clock);
    }
}
