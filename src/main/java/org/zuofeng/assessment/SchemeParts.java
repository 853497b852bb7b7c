package org.zuofeng.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The value parts of schemes and assessments, as written and as stored (JSON columns). */
public final class SchemeParts {

    private SchemeParts() {
    }

    /** A quantified indicator: its share of the total ({@code weight}) and the score that earns all of it. */
    public record Indicator(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]*") String code,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") BigDecimal maxScore) {
    }

    /** The lowest total that earns a grade. */
    public record GradeBand(@NotNull Grade grade, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal minScore) {
    }

    /** An exact fraction. */
    public record Fraction(@Min(0) @Max(1000) int numerator, @Min(1) @Max(1000) int denominator) {
    }

    /** For village cadres: the share of INCOMPETENT votes that makes the grade INCOMPETENT. */
    public record VoteRule(@NotNull @Valid Fraction incompetentShare) {
    }

    /** One indicator's score. */
    public record Score(
            @NotBlank @Size(max = 32) @SingleLine String indicatorCode,
            @NotNull @DecimalMin("0") BigDecimal score,
            @Size(max = 2000) String note) {
    }

    /** The residents' representatives' votes at a village public review; {@code invalid} ballots count for none. */
    public record Votes(
            @JsonProperty("EXCELLENT") @PositiveOrZero int excellent,
            @JsonProperty("COMPETENT") @PositiveOrZero int competent,
            @JsonProperty("BASICALLY_COMPETENT") @PositiveOrZero int basicallyCompetent,
            @JsonProperty("INCOMPETENT") @PositiveOrZero int incompetent,
            @PositiveOrZero int invalid) {

        /** The ballots for a grade. */
        public int valid() {
            return excellent + competent + basicallyCompetent + incompetent;
        }

        public int of(Grade grade) {
            return switch (grade) {
                case EXCELLENT -> excellent;
                case COMPETENT -> competent;
                case BASICALLY_COMPETENT -> basicallyCompetent;
                case INCOMPETENT -> incompetent;
            };
        }
    }

    /** A village cadre's annual public review (勤廉双述) and the vote on the spot. */
    public record PublicReview(
            @NotNull LocalDate meetingDate,
            @NotBlank @Size(max = 20_000) String diligenceReport,
            @NotBlank @Size(max = 20_000) String integrityReport,
            @Min(1) @Max(100_000) int attendance,
            @NotNull @Valid Votes votes) {
    }
}
