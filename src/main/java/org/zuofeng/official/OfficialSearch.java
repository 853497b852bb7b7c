package org.zuofeng.official;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

/**
 * Finding an official, by what is sent in a body, never in a URL: a resident ID number, or the id another system
 * ({@code system}) knows them by.
 */
public record OfficialSearch(
        @Pattern(regexp = "[0-9]{17}[0-9X]", message = "{zuofeng.idNumber.ID_NUMBER_FORMAT}") String idNumber,
        @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "{zuofeng.systemName}") String system,
        @Size(min = 1, max = 64) @SingleLine String externalId) {
}
