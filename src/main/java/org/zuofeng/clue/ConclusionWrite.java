package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What handling a clue found, and what follows: an inspection planned on it, an accountability case opened. */
public record ConclusionWrite(
        @NotNull ClueOutcome outcome,
        @NotBlank @Size(max = 10_000) String conclusion,
        UUID inspectionId,
        UUID caseId) {
}
