package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reporter's answer to the commission's question, with the receipt that opens the report. */
public record AnswerWrite(@NotBlank @Size(max = 48) String receipt, @NotBlank @Size(max = 5000) String body) {
}
