package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.inspection.Inspections;
import org.zuofeng.unit.Units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Findings counted: those observed in a period that the caller may read, by category, defect and severity, and the
 * units with the most. A finding of a covert inspection counts only once the inspection is completed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FindingStatistics {

    /** The counts of a period. */
    public record Counts(long total, Map<FindingCategory, Long> byCategory, Map<Defect, Long> byDefect,
            Map<Severity, Long> bySeverity) {
    }

    private final Aggregates aggregates;
    private final Inspections inspections;

    public FindingStatistics(Aggregates aggregates, Inspections inspections) {
        this.aggregates = aggregates;
        this.inspections = inspections;
    }

    public Counts counts(Period period) {
        Where where = where(period);
        Map<Defect, Long> byDefect = new LinkedHashMap<>();
        for (Defect defect : Defect.values()) {
            byDefect.put(defect, aggregates.count("Finding e", where.and("array_contains(e.defects, :defect)",
                    Map.of("defect", defect.name())), FindingAccess.FINDINGS));
        }
        return new Counts(aggregates.count("Finding e", where, FindingAccess.FINDINGS),
                Aggregates.byKey(aggregates.rows("select e.category, count(e)", "Finding e", where,
                        "group by e.category", FindingAccess.FINDINGS), List.of(FindingCategory.values())),
                byDefect,
                Aggregates.byKey(aggregates.rows("select e.severity, count(e)", "Finding e", where,
                        "group by e.severity", FindingAccess.FINDINGS), List.of(Severity.values())));
    }

    /** The units with the most findings in the period, most first, at most {@code limit}. */
    public Map<UUID, Long> mostFound(Period period, int limit) {
        Map<UUID, Long> units = new LinkedHashMap<>();
        aggregates.rows("select e.unitId, count(e)", "Finding e", where(period), "group by e.unitId order by count(e) "
                + "desc, e.unitId", FindingAccess.FINDINGS, limit)
                .forEach(r -> units.put((UUID) r[0], ((Number) r[1]).longValue()));
        return units;
    }

    private Where where(Period period) {
        Set<UUID> secret = inspections.secretNow();
        return Where.of("e.observedAt >= :from and e.observedAt < :to", Map.of("from", period.start(),
                        "to", period.end()))
                .andWhen(secret.isEmpty() ? null : secret, "e.inspectionId not in :secretInspections",
                        "secretInspections")
                .andOfUnit(period, "e.unitId in " + Units.ofPeriod(period));
    }
}
