package org.zuofeng.statistics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;

/** What the commission publishes: a title and the period, whose figures for the whole district are frozen. */
public record PublicationWrite(
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotNull LocalDate from,
        @NotNull LocalDate to) {
}
