package org.zuofeng.clue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import java.time.LocalDate;

/** The day a real-name reporter was told of the acceptance or the result (by telephone, letter, in person). */
public record ToldWrite(@NotNull ReporterTold about, @NotNull @PastOrPresent LocalDate toldOn) {
}
