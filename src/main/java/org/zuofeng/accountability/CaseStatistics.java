package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.unit.Units;

import java.util.HashMap;
import java.util.Map;

/**
 * Officials dealt with (处理): distinct officials with an accountability case decided in the period (its standing
 * decision); of them, those whose decision includes a party-discipline or government sanction (受到党纪政纪处分).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseStatistics {

    /** The two counts of a period. */
    public record DealtWith(long officials, long sanctioned) {
    }

    private final Aggregates aggregates;

    public CaseStatistics(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    public DealtWith dealtWith(Period period) {
        Map<String, Object> parameters = new HashMap<>(Map.of("fromDate", period.from(), "toDate", period.to()));
        String decided = "exists (select 1 from CaseDecision d where d.caseId = e.id and d.supersededBy is null"
                + " and d.decidedOn >= :fromDate and d.decidedOn <= :toDate";
        String unit = "";
        if (period.unitId() != null) {
            unit = " and e.unitId in " + (period.includeSubunits() ? Units.subtreeOf("unitId") : "(:unitId)");
            parameters.put("unitId", period.unitId());
        }
        return new DealtWith(distinctOfficials(decided + ")" + unit, parameters),
                distinctOfficials(decided + " and d.disciplinarySanction = true)" + unit, parameters));
    }

    private long distinctOfficials(String where, Map<String, Object> parameters) {
        return ((Number) aggregates.rows("select count(distinct e.subjectOfficialId)", "AccountabilityCase e", where,
                null, parameters, CaseAccess.CASES).get(0)[0]).longValue();
    }
}
