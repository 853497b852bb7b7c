package org.zuofeng.accountability;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.official.PostRole;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A case as the API shows it, with its linked cases, its standing decision, its decision history and appeals. */
public record CaseView(
        UUID id,
        CaseKind kind,
        UUID subjectOfficialId,
        String subjectName,
        UUID unitId,
        LocalDate occurredOn,
        List<UUID> sourceFindingIds,
        UUID sourceNoticeId,
        List<UUID> sourceAssessmentIds,
        String summary,
        String area,
        CaseStatus status,
        PostRole leaderRole,
        List<UUID> linkedCaseIds,
        List<LinkedCase> linkedCases,
        List<Leader> leadersFound,
        DecisionView decision,
        List<DecisionView> decisionHistory,
        List<AppealView> appeals,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /** The same view with only the linked cases among {@code shown}; leaders found keep no id of another case. */
    CaseView withLinkedCases(Set<UUID> shown) {
        return new CaseView(id, kind, subjectOfficialId, subjectName, unitId, occurredOn, sourceFindingIds,
                sourceNoticeId, sourceAssessmentIds, summary, area, status, leaderRole,
                linkedCaseIds.stream().filter(shown::contains).toList(),
                linkedCases.stream().filter(c -> shown.contains(c.id())).toList(),
                leadersFound == null ? null : leadersFound.stream().map(l -> l.caseId() == null
                        || shown.contains(l.caseId()) ? l : new Leader(l.officialId(), l.name(), l.role(),
                        l.responsibility(), null)).toList(),
                decision, decisionHistory, appeals, version, createdAt, createdBy, updatedAt, updatedBy);
    }

    /** A case linked by 一案双查: the leadership cases of a violation, or the violation of a leadership case. */
    public record LinkedCase(UUID id, CaseKind kind, UUID subjectOfficialId, String subjectName, PostRole leaderRole,
            CaseStatus status) {
    }

    /**
     * For a violation case: each principal and deputy in charge of the unit on the day it happened, and the
     * leadership case opened for them ({@code caseId} absent when the leader is the case's own subject).
     */
    public record Leader(UUID officialId, String name, PostRole role, String responsibility, UUID caseId) {
    }

    /**
     * A decision, with the number of its formal document (榕纪处〔2026〕3号); {@code supersededBy} set once a revising
     * appeal replaced it.
     */
    public record DecisionView(UUID id, String documentNumber, List<Measure> measures, LocalDate decidedOn,
            String basis,
            boolean disciplinarySanction, UUID supersededBy, OffsetDateTime createdAt, String createdBy) {
    }

    /** An appeal and, once resolved, its outcome. */
    public record AppealView(UUID id, UUID decisionId, String text, LocalDate filedOn, AppealOutcome outcome,
            String reason, LocalDate resolvedOn, UUID revisedDecisionId) {
    }
}
