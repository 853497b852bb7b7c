package org.zuofeng.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How an objection ends: upheld (the assessment returns to draft) or dismissed (it stays in notice). */
public record ObjectionResolution(
        @NotNull ObjectionOutcome outcome,
        @NotBlank @Size(max = 10_000) String reason) {
}
