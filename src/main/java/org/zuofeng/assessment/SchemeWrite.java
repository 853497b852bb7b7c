package org.zuofeng.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.math.BigDecimal;
import java.util.List;

/** What a client sets on a scheme. */
public record SchemeWrite(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @Min(2000) @Max(2200) int year,
        @NotNull SubjectType subjectType,
        @NotEmpty @Size(max = 50) List<SchemeParts.@NotNull @Valid Indicator> indicators,
        @NotNull @Size(min = 4, max = 4) List<SchemeParts.@NotNull @Valid GradeBand> gradeBands,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal excellentQuota,
        @Valid SchemeParts.VoteRule voteRule) {
}
