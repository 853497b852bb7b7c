package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.inspection.Inspections;
import org.zuofeng.unit.Units;

import java.util.HashMap;
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
        Query q = query(period);
        Map<Defect, Long> byDefect = new LinkedHashMap<>();
        for (Defect defect : Defect.values()) {
            Map<String, Object> parameters = new HashMap<>(q.parameters());
            parameters.put("defect", defect.name());
            byDefect.put(defect, aggregates.count("Finding e", q.where() + " and array_contains(e.defects, :defect)",
                    parameters, FindingAccess.FINDINGS));
        }
        return new Counts(aggregates.count("Finding e", q.where(), q.parameters(), FindingAccess.FINDINGS),
                Aggregates.byKey(aggregates.rows("select e.category, count(e)", "Finding e", q.where(),
                        "group by e.category", q.parameters(), FindingAccess.FINDINGS),
                        List.of(FindingCategory.values())),
                byDefect,
                Aggregates.byKey(aggregates.rows("select e.severity, count(e)", "Finding e", q.where(),
                        "group by e.severity", q.parameters(), FindingAccess.FINDINGS), List.of(Severity.values())));
    }

    /** The units with the most findings in the period, most first, at most {@code limit}. */
    public Map<UUID, Long> mostFound(Period period, int limit) {
        Query q = query(period);
        Map<UUID, Long> units = new LinkedHashMap<>();
        aggregates.rows("select e.unitId, count(e)", "Finding e", q.where(), "group by e.unitId order by count(e) desc, "
                + "e.unitId", q.parameters(), FindingAccess.FINDINGS, limit)
                .forEach(r -> units.put((UUID) r[0], ((Number) r[1]).longValue()));
        return units;
    }

    private record Query(String where, Map<String, Object> parameters) {
    }

    private Query query(Period period) {
        Map<String, Object> parameters = new HashMap<>(Map.of("from", period.start(), "to", period.end()));
        String where = "e.observedAt >= :from and e.observedAt < :to";
        Set<UUID> secret = inspections.secretNow();
        if (!secret.isEmpty()) {
            where += " and e.inspectionId not in :secretInspections";
            parameters.put("secretInspections", secret);
        }
        if (period.unitId() != null) {
            where += " and e.unitId in " + (period.includeSubunits() ? Units.subtreeOf("unitId") : "(:unitId)");
            parameters.put("unitId", period.unitId());
        }
        return new Query(where, parameters);
    }
}
