package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Another member's decision on a proposal: approved, or refused (the clue goes back to be proposed anew). */
public record ApprovalWrite(@NotNull Boolean approve, @NotBlank @Size(max = 2000) String reason) {
}
