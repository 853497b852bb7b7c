package org.zuofeng.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The arithmetic of assessment: the weighted total (Σ score ÷ maxScore × weight, rounded half-up to two
 * decimals), the grade of a total by the scheme's bands, and the grade of a village vote. Exact decimals only.
 */
public final class Grading {

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private Grading() {
    }

    /** Scores the assessment as written: the server computes the total and the grade, never the client. */
    static void grade(AssessmentScheme scheme, AssessmentWrite write, Assessment assessment) {
        assessment.scores = List.copyOf(write.scores());
        assessment.publicReview = write.publicReview();
        assessment.totalScore = total(scheme.indicators, write.scores());
        if (scheme.subjectType == SubjectType.VILLAGE_CADRE) {
            assessment.grade = write.publicReview() == null || write.publicReview().votes().valid() == 0 ? null
                    : byVotes(scheme.voteRule(), write.publicReview().votes());
        } else {
            assessment.grade = byBands(scheme.gradeBands, assessment.totalScore);
        }
    }

    public static BigDecimal total(List<SchemeParts.Indicator> indicators, List<SchemeParts.Score> scores) {
        Map<String, SchemeParts.Score> byCode = scores.stream()
                .collect(Collectors.toMap(SchemeParts.Score::indicatorCode, Function.identity()));
        BigDecimal sum = BigDecimal.ZERO;
        for (SchemeParts.Indicator indicator : indicators) {
            SchemeParts.Score score = byCode.get(indicator.code());
            sum = sum.add(score.score().divide(indicator.maxScore(), EXACT_ENOUGH).multiply(indicator.weight()));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /** The grade of the highest band whose minimum the (rounded) total reaches; a total on a boundary takes it. */
    public static Grade byBands(List<SchemeParts.GradeBand> bands, BigDecimal total) {
        return bands.stream()
                .filter(band -> total.compareTo(band.minScore()) >= 0)
                .max(Comparator.comparing(SchemeParts.GradeBand::minScore))
                .map(SchemeParts.GradeBand::grade)
                .orElse(Grade.INCOMPETENT);
    }

    /**
     * INCOMPETENT when INCOMPETENT votes × denominator ≥ numerator × valid votes; otherwise the grade with the most
     * votes, a tie going to the lower grade.
     */
    public static Grade byVotes(SchemeParts.VoteRule rule, SchemeParts.Votes votes) {
        SchemeParts.Fraction share = rule.incompetentShare();
        if ((long) votes.incompetent() * share.denominator() >= (long) share.numerator() * votes.valid()) {
            return Grade.INCOMPETENT;
        }
        return Arrays.stream(Grade.values())
                .max(Comparator.comparingInt(votes::of).thenComparingInt(Enum::ordinal))
                .orElseThrow();
    }
}
