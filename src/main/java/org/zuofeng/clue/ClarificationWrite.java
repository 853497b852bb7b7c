package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A clarification to publish for an official a concluded clue concerns, named in one of the clue's units; the title
 * and body are the public notice as the commission words it.
 */
public record ClarificationWrite(
        @NotNull UUID officialId,
        @NotNull UUID unitId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String body) {
}
