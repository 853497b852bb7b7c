package org.zuofeng.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.util.UUID;

/** What a client sets on a unit. */
public record UnitWrite(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{zuofeng.code}") String code,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotNull UnitType type,
        UUID parentId) {
}
