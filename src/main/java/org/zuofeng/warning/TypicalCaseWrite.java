package org.zuofeng.warning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.util.UUID;

/**
 * A typical case as drafted: the decided case it comes from, and its public text, written the way bulletins write
 * them (张某某, the kind of unit and the post, never the name): the story, the violation, the measure and the lesson.
 */
public record TypicalCaseWrite(
        @NotNull UUID caseId,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotBlank @Size(max = 10_000) String narrative,
        @NotBlank @Size(max = 2000) String violation,
        @NotBlank @Size(max = 2000) String measure,
        @NotBlank @Size(max = 2000) String lesson) {
}
