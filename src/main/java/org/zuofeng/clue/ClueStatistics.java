package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.finding.FindingCategory;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The register counted over the clues the caller may read (a recused member's figures leave out the clues they may
 * not read), by the database: nothing is loaded to be counted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClueStatistics {

    private static final String CLUES = "Clue e";
    private static final int RANKED = 20;

    private final Aggregates aggregates;
    private final Units units;
    private final Clock clock;

    public ClueStatistics(Aggregates aggregates, Units units, Clock clock) {
        this.aggregates = aggregates;
        this.units = units;
        this.clock = clock;
    }

    public ClueStatisticsView summary(Period period) {
        Where received = received(period);
        LocalDate today = LocalDate.now(clock);
        var timeliness = new ClueStatisticsView.Timeliness(
                deadline(received, "e.proposalDue", "e.proposedOn", today),
                deadline(received, "e.acceptanceDue", "e.acceptanceToldOn", today),
                deadline(received, "e.resultDue", "e.resultToldOn", today));
        return new ClueStatisticsView(period.from(), period.to(), period.unitId(),
                aggregates.count(CLUES, received, ClueAccess.CLUES),
                by("e.source", received, ClueSource.values()),
                by("e.channel", received.and("e.channel is not null", Map.of()), ClueChannel.values()),
                by("e.category", received.and("e.category is not null", Map.of()), FindingCategory.values()),
                by("e.status", received, ClueStatus.values()),
                by("e.way", received.and("e.approvedBy is not null", Map.of()), ClueWay.values()),
                by("e.outcome", received.and("e.outcome is not null", Map.of()), ClueOutcome.values()),
                timeliness, ranked(received, period));
    }

    private <K> Map<K, Long> by(String key, Where where, K[] keys) {
        return Aggregates.byKey(aggregates.rows("select " + key + ", count(e)", CLUES, where, "group by " + key,
                ClueAccess.CLUES), Arrays.asList(keys));
    }

    /**
     * A deadline of the clues received: due once its day has passed or it was met, met in time when done on or
     * before its day (a proposal counts from the first made, even if refused).
     */
    private ClueStatisticsView.Deadline deadline(Where received, String due, String done, LocalDate today) {
        Where fallen = received.and(due + " is not null and (" + due + " < :today or " + done + " is not null)",
                Map.of("today", today));
        Object[] row = aggregates.rows("select count(e), coalesce(sum(case when " + done + " <= " + due
                + " then 1 else 0 end), 0)", CLUES, fallen, null, ClueAccess.CLUES).getFirst();
        return ClueStatisticsView.Deadline.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The units with the most clues received, most first. */
    private List<ClueStatisticsView.RankedUnit> ranked(Where received, Period period) {
        List<Object[]> rows = aggregates.rows("select cu, count(e)", CLUES + " join e.unitIds cu", received,
                "group by cu order by count(e) desc, cu", ClueAccess.CLUES, RANKED);
        Map<UUID, String> names = units.namesAt(rows.stream().map(r -> (UUID) r[0]).toList(), period.last());
        return rows.stream().map(r -> new ClueStatisticsView.RankedUnit((UUID) r[0], names.get((UUID) r[0]),
                ((Number) r[1]).longValue())).toList();
    }

    private static Where received(Period period) {
        return Where.of("e.receivedOn >= :from and e.receivedOn <= :to", Map.of("from", period.from(),
                        "to", period.to()))
                .andOfUnit(period, "exists (select 1 from Clue ux join ux.unitIds uu where ux.id = e.id"
                        + " and uu in " + Units.ofPeriod(period) + ")");
    }
}
