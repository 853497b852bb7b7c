package org.zuofeng.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.accountability.CaseStatistics;
import org.zuofeng.assessment.AssessmentStatistics;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.finding.FindingStatistics;
import org.zuofeng.inspection.InspectionStatistics;
import org.zuofeng.inspection.InspectionType;
import org.zuofeng.notice.NoticeStatistics;
import org.zuofeng.unit.Units;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The summary of a period, assembled from each feature's own counts, every one an aggregate query under the read
 * rule of its records: a unit officer's figures are those of their scope, and covert inspections count once they are
 * completed.
 */
@ApplicationScoped
@Transactional
public class StatisticsService {

    static final int RANKED = 10;

    private final InspectionStatistics inspections;
    private final FindingStatistics findings;
    private final NoticeStatistics notices;
    private final CaseStatistics cases;
    private final AssessmentStatistics assessments;
    private final Units units;

    public StatisticsService(InspectionStatistics inspections, FindingStatistics findings, NoticeStatistics notices,
            CaseStatistics cases, AssessmentStatistics assessments, Units units) {
        this.inspections = inspections;
        this.findings = findings;
        this.notices = notices;
        this.cases = cases;
        this.assessments = assessments;
        this.units = units;
    }

    public StatisticsSummary summary(Period period) {
        if (period.unitId() != null && units.find(period.unitId()).isEmpty()) {
            throw ProblemException.invalidParameter("unitId", Text.of("field.namesUnit"));
        }
        Map<InspectionType, Long> completed = inspections.completedByType(period);
        return new StatisticsSummary(period.from(), period.to(), period.unitId(), period.includeSubunits(),
                completed, completed.get(InspectionType.OPEN) + completed.get(InspectionType.COVERT),
                notices.exposureFeatures(period),
                findings.counts(period), notices.rectification(period), cases.escalated(period),
                notices.issued(period), cases.dealtWith(period), assessments.grades(period),
                assessments.leadershipTeams(period),
                ranked(findings.mostFound(period, RANKED), period),
                ranked(notices.mostOverdue(period, RANKED), period));
    }

    private List<StatisticsSummary.RankedUnit> ranked(Map<UUID, Long> counts, Period period) {
        Map<UUID, String> names = units.namesAt(counts.keySet(), period.last());
        return counts.entrySet().stream()
                .map(e -> new StatisticsSummary.RankedUnit(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
    }
}
