package org.zuofeng.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;

/** What a client sets on an official. */
@ValidIdNumber
public record OfficialWrite(
        @NotBlank @Size(max = 100) @SingleLine String name,
        @NotNull Gender gender,
        @NotNull @Past LocalDate birthDate,
        @NotNull String idNumber,
        @NotNull @Pattern(regexp = "1[3-9][0-9]{9}", message = "must be a mainland mobile number: 11 digits starting with 13-19") String phone,
        @NotNull Boolean partyMember,
        @Size(min = 1, max = 255) @SingleLine String accountSubject) {
}
