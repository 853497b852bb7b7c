package org.zuofeng.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a client sets on an inspection; {@code id} may be made by a field app working offline. */
public record InspectionWrite(
        UUID id,
        @NotNull InspectionType type,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @Size(max = 10_000) String description,
        @NotNull LocalDate plannedStart,
        @NotNull LocalDate plannedEnd,
        @NotEmpty @Size(max = 50) List<@NotNull UUID> targetUnitIds,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Member> team,
        @Size(max = 500) @SingleLine String topic) {

    /** A team member as written. */
    public record Member(
            @NotBlank @Size(max = 255) @SingleLine String subject,
            @NotBlank @Size(max = 100) @SingleLine String name,
            boolean lead) {
    }
}
