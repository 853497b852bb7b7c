package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.unit.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Final assessments counted, for the years the period touches: grades by scheme and year; leadership teams. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssessmentStatistics {

    /** Final assessments of one scheme and year with one grade. */
    public record Graded(UUID schemeId, int year, Grade grade, long count) {
    }

    private final Aggregates aggregates;

    public AssessmentStatistics(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    public List<Graded> grades(Period period) {
        List<Graded> graded = new ArrayList<>();
        aggregates.rows("select e.schemeId, e.year, e.grade, count(e)", "Assessment e", where(period),
                        "group by e.schemeId, e.year, e.grade order by e.year, e.schemeId, e.grade",
                        AssessmentAccess.ASSESSMENTS)
                .forEach(r -> graded.add(new Graded((UUID) r[0], (Integer) r[1], (Grade) r[2],
                        ((Number) r[3]).longValue())));
        return graded;
    }

    public Map<Grade, Long> leadershipTeams(Period period) {
        Where teams = where(period).and("e.subjectType = :team", Map.of("team", SubjectType.LEADERSHIP_TEAM));
        return Aggregates.byKey(aggregates.rows("select e.grade, count(e)", "Assessment e", teams, "group by e.grade",
                AssessmentAccess.ASSESSMENTS), List.of(Grade.values()));
    }

    private static Where where(Period period) {
        return Where.of("e.status = :final and e.year >= :fromYear and e.year <= :toYear", Map.of("final",
                        AssessmentStatus.FINAL, "fromYear", period.from().getYear(), "toYear", period.to().getYear()))
                .andOfUnit(period, "e.unitId in " + Units.ofPeriod(period));
    }
}
