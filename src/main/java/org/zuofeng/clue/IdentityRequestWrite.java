package org.zuofeng.clue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a commission member needs to read a reporter's identity. */
public record IdentityRequestWrite(@NotBlank @Size(max = 2000) String reason) {
}
