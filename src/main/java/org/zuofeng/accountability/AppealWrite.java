package org.zuofeng.accountability;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The subject's appeal, as entered by the commission. */
public record AppealWrite(
        @NotBlank @Size(max = 10_000) String text,
        @NotNull @PastOrPresent LocalDate filedOn) {
}
