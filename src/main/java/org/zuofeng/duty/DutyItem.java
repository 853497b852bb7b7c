package org.zuofeng.duty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

/** One item of a list: its code (unique in the list), what it is, its legal basis, and who answers for it. */
public record DutyItem(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{zuofeng.code}") String code,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotBlank @Size(max = 2000) String basis,
        @Size(min = 1, max = 100) @SingleLine String responsibleRole) {
}
