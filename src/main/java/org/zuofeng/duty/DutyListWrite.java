package org.zuofeng.duty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A version of a list as drafted: the day it is to take effect, and its items. */
public record DutyListWrite(
        @NotNull LocalDate effectiveFrom,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid DutyItem> items) {
}
