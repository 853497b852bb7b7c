package org.zuofeng.unit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Units to merge into another, from the start of {@code effectiveOn} (from now when not given). */
public record MergerWrite(@NotNull @Size(min = 1, max = 20) List<@NotNull UUID> mergedUnitIds,
        LocalDate effectiveOn) {
}
