package org.zuofeng.unit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The units a unit is split into, from the start of {@code effectiveOn} (from now when not given). */
public record SplitWrite(@NotNull @Size(min = 2, max = 20) List<@NotNull UUID> successorUnitIds,
        LocalDate effectiveOn) {
}
