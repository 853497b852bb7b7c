package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.unit.Units;

import java.util.List;
import java.util.Map;

/** Inspections counted: those completed in a period, by type, of the ones the caller may read. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InspectionStatistics {

    private final Aggregates aggregates;

    public InspectionStatistics(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    /** Inspections completed in the period (a covert one counts once it is completed, as it only then is), by type. */
    public Map<InspectionType, Long> completedByType(Period period) {
        Where where = Where.of("e.status = :completed and e.completedAt >= :from and e.completedAt < :to",
                        Map.of("completed", InspectionStatus.COMPLETED, "from", period.start(), "to", period.end()))
                .andOfUnit(period, "exists (select 1 from Inspection ux join ux.targetUnitIds ut"
                        + " where ux.id = e.id and ut in " + Units.ofPeriod(period) + ")");
        return Aggregates.byKey(aggregates.rows("select e.type, count(e)", "Inspection e", where, "group by e.type",
                InspectionAccess.INSPECTIONS), List.of(InspectionType.values()));
    }
}
