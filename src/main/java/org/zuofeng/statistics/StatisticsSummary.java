package org.zuofeng.statistics;

import org.zuofeng.accountability.CaseStatistics;
import org.zuofeng.assessment.AssessmentStatistics;
import org.zuofeng.assessment.Grade;
import org.zuofeng.finding.FindingStatistics;
import org.zuofeng.inspection.InspectionType;
import org.zuofeng.notice.NoticeStatistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commission's own figures for a period, of what the caller may read; each member is defined in one sentence
 * in the contract.
 */
public record StatisticsSummary(
        LocalDate from,
        LocalDate to,
        UUID unitId,
        boolean includeSubunits,
        Map<InspectionType, Long> inspectionsCompleted,
        long openAndCovertInspections,
        long exposureFeatures,
        FindingStatistics.Counts findings,
        NoticeStatistics.Rectification rectification,
        CaseStatistics.Escalated escalated,
        List<NoticeStatistics.Issued> noticesIssued,
        CaseStatistics.DealtWith officialsDealtWith,
        List<AssessmentStatistics.Graded> assessmentGrades,
        Map<Grade, Long> leadershipTeamsByGrade,
        List<RankedUnit> unitsByFindings,
        List<RankedUnit> unitsByOverdueRectifications) {

    /** A unit in a ranking: its id, its name and its count. */
    public record RankedUnit(UUID unitId, String name, long count) {
    }
}
