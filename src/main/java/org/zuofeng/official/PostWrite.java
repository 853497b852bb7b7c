package org.zuofeng.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;
import java.util.UUID;

/** What a client sets on a post; {@code endDate} absent while the post is held. */
public record PostWrite(
        @NotNull UUID unitId,
        @NotBlank @Size(max = 100) @SingleLine String title,
        @NotNull PostRole role,
        @Size(min = 1, max = 200) @SingleLine String responsibility,
        @NotNull LocalDate startDate,
        LocalDate endDate) {
}
