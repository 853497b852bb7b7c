package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The commission's question to the reporter of a clue's public report. */
public record QuestionWrite(@NotBlank @Size(max = 5000) String body) {
}
