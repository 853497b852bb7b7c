package org.zuofeng.warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Warning education counted for a year, per unit, by the database, of what the caller may read. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WarningStatistics {

    private static final int RANKED = 50;

    private final Aggregates aggregates;
    private final Units units;
    private final Clock clock;

    public WarningStatistics(Aggregates aggregates, Units units, Clock clock) {
        this.aggregates = aggregates;
        this.units = units;
        this.clock = clock;
    }

    /** The year's figures (this year by default), of {@code unitId} and the units below it when given. */
    public WarningStatisticsView year(Integer year, UUID unitId) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2200) {
            throw ProblemException.invalidParameter("year", Text.of("warning.year"));
        }
        Period whole = Period.ofYear(y);
        Period period = new Period(whole.from(), whole.to(), unitId, true);
        Where held = Where.of("e.heldOn >= :from and e.heldOn <= :to", Map.of("from", whole.from(),
                "to", whole.to())).andOfUnit(period, "e.unitId in " + Units.ofPeriod(period));
        Where published = Where.of("e.status = :published and e.publishedAt >= :start and e.publishedAt < :end",
                Map.of("published", TypicalCaseStatus.PUBLISHED, "start", whole.start(), "end", whole.end()));
        List<Object[]> perUnit = aggregates.rows("select e.unitId, count(e), coalesce(sum(array_length(e.attendeeIds)),"
                + " 0)", "WarningSession e", held, "group by e.unitId order by count(e) desc, e.unitId",
                WarningAccess.SESSIONS, RANKED);
        Object[] all = aggregates.rows("select count(e), coalesce(sum(array_length(e.attendeeIds)), 0)",
                "WarningSession e", held, null, WarningAccess.SESSIONS).getFirst();
        Map<UUID, String> names = units.namesAt(perUnit.stream().map(r -> (UUID) r[0]).toList(), whole.last());
        return new WarningStatisticsView(y, aggregates.count("TypicalCase e", published, WarningAccess.TYPICAL_CASES),
                ((Number) all[0]).longValue(), ((Number) all[1]).longValue(),
                perUnit.stream().map(r -> new WarningStatisticsView.UnitSessions((UUID) r[0], names.get((UUID) r[0]),
                        ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList());
    }
}
