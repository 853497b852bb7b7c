package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.unit.Units;

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

    /** Rectification notices of the period's units escalated in it, by stage. */
    public record Escalated(long toTalk, long toCases) {
    }

    private final Aggregates aggregates;

    public CaseStatistics(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    public DealtWith dealtWith(Period period) {
        return new DealtWith(distinctOfficials(decided(period, "")),
                distinctOfficials(decided(period, " and d.disciplinarySanction = true")));
    }

    public Escalated escalated(Period period) {
        return new Escalated(escalations(period, EscalationStage.TALK), escalations(period, EscalationStage.CASE));
    }

    private long escalations(Period period, EscalationStage stage) {
        Where where = Where.of("e.stage = :stage and e.escalatedAt >= :start and e.escalatedAt < :end",
                        Map.of("stage", stage, "start", period.start(), "end", period.end()))
                .andOfUnit(period, Units.anyOfPeriod("e.unitIds", period));
        return aggregates.count("NoticeEscalation e", where, EscalationAccess.STATISTICS);
    }

    /** Cases of the period's units with a decision in force taken within it, of which {@code also} holds. */
    private static Where decided(Period period, String also) {
        return Where.of("exists (select 1 from CaseDecision d where d.caseId = e.id and d.supersededBy is null"
                        + " and d.decidedOn >= :fromDate and d.decidedOn <= :toDate" + also + ")",
                        Map.of("fromDate", period.from(), "toDate", period.to()))
                .andOfUnit(period, "e.unitId in " + Units.ofPeriod(period));
    }

    private long distinctOfficials(Where where) {
        return ((Number) aggregates.rows("select count(distinct e.subjectOfficialId)", "AccountabilityCase e", where,
                null, CaseAccess.CASES).get(0)[0]).longValue();
    }
}
