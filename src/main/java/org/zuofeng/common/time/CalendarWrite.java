package org.zuofeng.common.time;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A year's public holidays and make-up working days, as the State Council publishes them. */
public record CalendarWrite(@NotNull @Size(max = 366) List<@NotNull @Valid Day> days) {

    /** One day set apart. */
    public record Day(@NotNull LocalDate date, @NotNull DayKind kind, @NotBlank @Size(max = 100) String name) {
    }
}
