package org.zuofeng.warning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A session recorded: the day, its subject, the published typical cases studied, and the officials who attended. */
public record WarningSessionWrite(
        @NotNull @PastOrPresent LocalDate heldOn,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotEmpty @Size(max = 50) List<@NotNull UUID> typicalCaseIds,
        @NotEmpty @Size(max = 2000) List<@NotNull UUID> attendeeIds) {
}
