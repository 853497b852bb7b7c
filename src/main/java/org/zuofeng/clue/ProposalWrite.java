package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A member's proposal of how a clue is handled, with the reasons. */
public record ProposalWrite(@NotNull ClueWay way, @NotBlank @Size(max = 2000) String reason) {
}
