package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.unit.Units;

import java.util.ArrayList;
import java.util.HashMap;
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
        Query q = query(period);
        List<Graded> graded = new ArrayList<>();
        aggregates.rows("select e.schemeId, e.year, e.grade, count(e)", "Assessment e", q.where(),
                        "group by e.schemeId, e.year, e.grade order by e.year, e.schemeId, e.grade", q.parameters(),
                        AssessmentAccess.ASSESSMENTS)
                .forEach(r -> graded.add(new Graded((UUID) r[0], (Integer) r[1], (Grade) r[2],
                        ((Number) r[3]).longValue())));
        return graded;
    }

    public Map<Grade, Long> leadershipTeams(Period period) {
        Query q = query(period);
        Map<String, Object> parameters = new HashMap<>(q.parameters());
        parameters.put("team", SubjectType.LEADERSHIP_TEAM);
        return Aggregates.byKey(aggregates.rows("select e.grade, count(e)", "Assessment e",
                q.where() + " and e.subjectType = :team", "group by e.grade", parameters,
                AssessmentAccess.ASSESSMENTS), List.of(Grade.values()));
    }

    private record Query(String where, Map<String, Object> parameters) {
    }

    private Query query(Period period) {
        Map<String, Object> parameters = new HashMap<>(Map.of("final", AssessmentStatus.FINAL,
                "fromYear", period.from().getYear(), "toYear", period.to().getYear()));
        String where = "e.status = :final and e.year >= :fromYear and e.year <= :toYear";
        if (period.unitId() != null) {
            where += " and e.unitId in " + (period.includeSubunits() ? Units.subtreeOf("unitId") : "(:unitId)");
            parameters.put("unitId", period.unitId());
        }
        return new Query(where, parameters);
    }
}
