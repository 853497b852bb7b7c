package org.zuofeng.accountability;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;

/** A decision: one or more measures, when, on what basis. */
public record DecisionWrite(
        @NotEmpty @Size(max = 8) Set<@NotNull Measure> measures,
        @NotNull @PastOrPresent LocalDate decidedOn,
        @NotBlank @Size(max = 10_000) String basis) {
}
