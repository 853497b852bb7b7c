package org.zuofeng.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.zuofeng.common.web.SingleLine;

import java.time.LocalDate;
import java.util.Map;

/** What a client sets on an official. */
@ValidIdNumber
public record OfficialWrite(
        @NotBlank @Size(max = 100) @SingleLine String name,
        @NotNull Gender gender,
        @NotNull @Past LocalDate birthDate,
        @NotNull String idNumber,
        @NotNull @Pattern(regexp = "1[3-9][0-9]{9}", message = "{zuofeng.phone}") String phone,
        @NotNull Boolean partyMember,
        @Size(min = 1, max = 255) @SingleLine String accountSubject,
        @Size(max = 20) Map<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "{zuofeng.system}") String,
                @NotBlank @Size(max = 64) @SingleLine String> externalIds) {

    /** The same write with these external ids (a write that leaves them out keeps the ones recorded). */
    public static OfficialWrite withExternalIds(OfficialWrite write, Map<String, String> ids) {
        return new OfficialWrite(write.name, write.gender, write.birthDate, write.idNumber, write.phone,
                write.partyMember, write.accountSubject, ids);
    }
}
