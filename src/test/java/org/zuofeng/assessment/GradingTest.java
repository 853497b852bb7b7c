package org.zuofeng.assessment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

/** The arithmetic of grading: weighted totals, band edges and the village vote rule, in exact decimals. */
class GradingTest {

    private static final List<SchemeParts.Indicator> INDICATORS = List.of(
            new SchemeParts.Indicator("DUTY", "履职尽责", new BigDecimal("40"), new BigDecimal("10")),
            new SchemeParts.Indicator("RESULT", "工作实绩", new BigDecimal("60"), new BigDecimal("20")));

    private static final List<SchemeParts.GradeBand> BANDS = List.of(
            new SchemeParts.GradeBand(Grade.EXCELLENT, new BigDecimal("90")),
            new SchemeParts.GradeBand(Grade.COMPETENT, new BigDecimal("70")),
            new SchemeParts.GradeBand(Grade.BASICALLY_COMPETENT, new BigDecimal("60")),
            new SchemeParts.GradeBand(Grade.INCOMPETENT, BigDecimal.ZERO));

    private static final SchemeParts.VoteRule ONE_THIRD =
            new SchemeParts.VoteRule(new SchemeParts.Fraction(1, 3));

    private static BigDecimal total(String duty, String result) {
        return Grading.total(INDICATORS, List.of(new SchemeParts.Score("RESULT", new BigDecimal(result), null),
                new SchemeParts.Score("DUTY", new BigDecimal(duty), null)));
    }

    private static SchemeParts.Votes votes(int excellent, int competent, int basically, int incompetent,
            int invalid) {
        return new SchemeParts.Votes(excellent, competent, basically, incompetent, invalid);
    }

    @Test
    void theTotalIsEachScoreAsAShareOfItsMaximumTimesItsWeight() {
        // 8.5 / 10 × 40 + 17 / 20 × 60 = 34 + 51 = 85
        assertThat(total("8.5", "17"), equalTo(new BigDecimal("85.00")));
        assertThat(total("10", "20"), equalTo(new BigDecimal("100.00")));
        assertThat(total("0", "0"), equalTo(new BigDecimal("0.00")));
    }

    @Test
    void theTotalIsRoundedHalfUpToTwoDecimals() {
        // 1 / 7 × 40 + 1 / 3 × 60 = 5.714285… + 20 → 25.71
        List<SchemeParts.Indicator> thirds = List.of(
                new SchemeParts.Indicator("A", "a", new BigDecimal("40"), new BigDecimal("7")),
                new SchemeParts.Indicator("B", "b", new BigDecimal("60"), new BigDecimal("3")));
        assertThat(Grading.total(thirds, List.of(new SchemeParts.Score("A", BigDecimal.ONE, null),
                new SchemeParts.Score("B", BigDecimal.ONE, null))), equalTo(new BigDecimal("25.71")));
        // 9.99875 / 10 × 40 + 20 / 20 × 60 = 99.995 → 100.00 (half up), not 99.99
        assertThat(total("9.99875", "20"), equalTo(new BigDecimal("100.00")));
        // 9.99874 / 10 × 40 + 60 = 99.99496 → 99.99
        assertThat(total("9.99874", "20"), equalTo(new BigDecimal("99.99")));
    }

    @Test
    void aTotalExactlyOnABandBoundaryTakesThatBandsGrade() {
        assertThat(Grading.byBands(BANDS, new BigDecimal("90.00")), equalTo(Grade.EXCELLENT));
        assertThat(Grading.byBands(BANDS, new BigDecimal("89.99")), equalTo(Grade.COMPETENT));
        assertThat(Grading.byBands(BANDS, new BigDecimal("70")), equalTo(Grade.COMPETENT));
        assertThat(Grading.byBands(BANDS, new BigDecimal("69.99")), equalTo(Grade.BASICALLY_COMPETENT));
        assertThat(Grading.byBands(BANDS, new BigDecimal("60.00")), equalTo(Grade.BASICALLY_COMPETENT));
        assertThat(Grading.byBands(BANDS, new BigDecimal("59.99")), equalTo(Grade.INCOMPETENT));
        assertThat(Grading.byBands(BANDS, BigDecimal.ZERO), equalTo(Grade.INCOMPETENT));
    }

    @Test
    void theGradeComesFromTheRoundedTotal() {
        // 89.995 / 100 × 50 twice = 89.995 before rounding, 90.00 after: EXCELLENT, not COMPETENT
        List<SchemeParts.Indicator> indicators = List.of(
                new SchemeParts.Indicator("A", "a", new BigDecimal("50"), new BigDecimal("100")),
                new SchemeParts.Indicator("B", "b", new BigDecimal("50"), new BigDecimal("100")));
        BigDecimal total = Grading.total(indicators, List.of(new SchemeParts.Score("A", new BigDecimal("89.995"), null),
                new SchemeParts.Score("B", new BigDecimal("89.995"), null)));
        assertThat(total, comparesEqualTo(new BigDecimal("90.00")));
        assertThat(Grading.byBands(BANDS, total), equalTo(Grade.EXCELLENT));
    }

    @Test
    void exactlyOneThirdIncompetentVotesMakesTheGradeIncompetent() {
        // 10 of 30 valid votes: 10 × 3 = 30 ≥ 1 × 30
        assertThat(Grading.byVotes(ONE_THIRD, votes(5, 15, 0, 10, 4)), equalTo(Grade.INCOMPETENT));
        // 9 of 28 valid votes: 27 < 28, so the grade with the most votes
        assertThat(Grading.byVotes(ONE_THIRD, votes(5, 14, 0, 9, 4)), equalTo(Grade.COMPETENT));
    }

    @Test
    void invalidBallotsDoNotCountTowardsTheShare() {
        // 10 INCOMPETENT of 31 valid is under a third, however many invalid ballots there are besides
        assertThat(Grading.byVotes(ONE_THIRD, votes(0, 21, 0, 10, 50)), equalTo(Grade.COMPETENT));
    }

    @Test
    void otherwiseTheGradeWithTheMostVotesWinsAndATieGoesToTheLowerGrade() {
        assertThat(Grading.byVotes(ONE_THIRD, votes(12, 8, 3, 2, 0)), equalTo(Grade.EXCELLENT));
        assertThat(Grading.byVotes(ONE_THIRD, votes(10, 10, 3, 2, 0)), equalTo(Grade.COMPETENT));
        assertThat(Grading.byVotes(ONE_THIRD, votes(4, 10, 10, 1, 0)), equalTo(Grade.BASICALLY_COMPETENT));
    }

    @Test
    void aRuleOfOneHalfNeedsHalfTheValidVotes() {
        SchemeParts.VoteRule half = new SchemeParts.VoteRule(new SchemeParts.Fraction(1, 2));
        assertThat(Grading.byVotes(half, votes(0, 10, 0, 10, 0)), equalTo(Grade.INCOMPETENT));
        assertThat(Grading.byVotes(half, votes(0, 11, 0, 10, 0)), equalTo(Grade.COMPETENT));
    }
}
