package org.zuofeng.official;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Finding an official by resident ID number: sent in a body, never in a URL. */
public record OfficialSearch(
        @NotNull @Pattern(regexp = "[0-9]{17}[0-9X]", message = "must be 18 characters: 17 digits and a check digit or an upper-case X") String idNumber) {
}
