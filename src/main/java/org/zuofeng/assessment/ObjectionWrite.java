package org.zuofeng.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

/** An objection raised during public notice, as received (who raised it is free text). */
public record ObjectionWrite(
        @NotBlank @Size(max = 10_000) String text,
        @NotBlank @Size(max = 200) @SingleLine String raisedBy) {
}
