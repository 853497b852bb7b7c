package org.zuofeng.accountability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How an appeal ends: the decision stands, or a new decision (required then) replaces it. */
public record AppealResolution(
        @NotNull AppealOutcome outcome,
        @NotBlank @Size(max = 10_000) String reason,
        @Valid DecisionWrite decision) {
}
