package org.zuofeng.evidence;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a device's key is revoked: lost, stolen, handed on, or its owner left. */
public record RevocationWrite(@NotBlank @Size(max = 2000) String reason) {
}
