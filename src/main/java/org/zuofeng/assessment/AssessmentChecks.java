package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an assessment must be: of a subject the scheme assesses (a leadership team by its unit, an official by the
 * unit of their post today), with every indicator scored once within its maximum, a public review only for a
 * village cadre.
 */
@ApplicationScoped
class AssessmentChecks {

    private final Units units;
    private final Officials officials;
    private final Clock clock;

    AssessmentChecks(Units units, Officials officials, Clock clock) {
        this.units = units;
        this.officials = officials;
        this.clock = clock;
    }

    /** The subject's unit: the team's own, or that of the official's earliest-started post active today. */
    UUID subjectUnit(AssessmentScheme scheme, AssessmentWrite write) {
        List<FieldError> errors = new ArrayList<>();
        UUID unitId = null;
        if (scheme.subjectType == SubjectType.LEADERSHIP_TEAM) {
            if (write.officialId() != null) {
                errors.add(FieldError.atPointer("/officialId", Text.of("field.leadershipTeamAssessedUnitId")));
            }
            if (write.unitId() == null) {
                errors.add(FieldError.atPointer("/unitId", Text.of("field.requiredLeadershipTeam")));
            } else if (units.find(write.unitId()).isEmpty()) {
                errors.add(FieldError.atPointer("/unitId", Text.of("field.unitNotFound")));
            } else {
                unitId = write.unitId();
            }
        } else {
            if (write.unitId() != null) {
                errors.add(FieldError.atPointer("/unitId", Text.of("field.officialAssessedOfficialId")));
            }
            if (write.officialId() == null) {
                errors.add(FieldError.atPointer("/officialId", Text.of("field.requiredFor", scheme.subjectType)));
            } else if (!officials.exists(write.officialId())) {
                errors.add(FieldError.atPointer("/officialId", Text.of("field.officialNotFound")));
            } else {
                unitId = officials.postsHeldOn(List.of(write.officialId()), LocalDate.now(clock)).stream()
                        .min(Comparator.comparing(HeldPost::startDate).thenComparing(HeldPost::id))
                        .map(HeldPost::unitId).orElse(null);
                if (unitId == null) {
                    errors.add(FieldError.atPointer("/officialId", Text.of("field.holdsPostTodaySoHas")));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        validateScores(scheme, write);
        return unitId;
    }

    /** Every indicator scored exactly once, within 0..maxScore; a public review only for village cadres. */
    static void validateScores(AssessmentScheme scheme, AssessmentWrite write) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, SchemeParts.Indicator> indicators = scheme.indicators.stream()
                .collect(Collectors.toMap(SchemeParts.Indicator::code, i -> i));
        Set<String> scored = new HashSet<>();
        for (int n = 0; n < write.scores().size(); n++) {
            SchemeParts.Score score = write.scores().get(n);
            SchemeParts.Indicator indicator = indicators.get(score.indicatorCode());
            if (indicator == null) {
                errors.add(FieldError.atPointer("/scores/" + n + "/indicatorCode", Text.of("field.indicatorScheme")));
            } else if (!scored.add(score.indicatorCode())) {
                errors.add(FieldError.atPointer("/scores/" + n + "/indicatorCode", Text.of("field.scoredTwice")));
            } else if (score.score().compareTo(indicator.maxScore()) > 0) {
                errors.add(FieldError.atPointer("/scores/" + n + "/score", Text.of("field.exceedIndicatorSMaxScore",
                        indicator.maxScore().toPlainString())));
            }
        }
        indicators.keySet().stream().filter(code -> !scored.contains(code)).sorted().forEach(code ->
                errors.add(FieldError.atPointer("/scores", Text.of("field.indicatorScored", code))));
        if (write.publicReview() != null && scheme.subjectType != SubjectType.VILLAGE_CADRE) {
            errors.add(FieldError.atPointer("/publicReview", Text.of("field.villageCadres")));
        }
        if (write.publicReview() != null) {
            SchemeParts.Votes votes = write.publicReview().votes();
            if (votes.valid() + votes.invalid() > write.publicReview().attendance()) {
                errors.add(FieldError.atPointer("/publicReview/votes",
                        Text.of("field.moreBallotsThanPeopleAttending")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
