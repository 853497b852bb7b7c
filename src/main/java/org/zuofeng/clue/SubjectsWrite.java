package org.zuofeng.clue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The units and officials a clue concerns, as far as the commission has identified them: all of them, replaced. */
public record SubjectsWrite(
        @NotNull @Size(max = 50) List<@NotNull UUID> unitIds,
        @NotNull @Size(max = 50) List<@NotNull UUID> officialIds) {
}
