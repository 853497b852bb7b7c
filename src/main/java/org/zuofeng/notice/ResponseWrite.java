package org.zuofeng.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A unit's rectification report. */
public record ResponseWrite(
        @NotBlank @Size(max = 10_000) String measures,
        @NotNull LocalDate completedOn) {
}
