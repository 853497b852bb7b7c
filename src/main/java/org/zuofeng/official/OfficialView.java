package org.zuofeng.official;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.privacy.Masking;
import org.zuofeng.common.privacy.PersonalData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An official as the API shows it; {@code idNumber} and {@code phone} masked for roles that may not see them. */
public record OfficialView(
        UUID id,
        String name,
        Gender gender,
        LocalDate birthDate,
        @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber,
        @PersonalData(PersonalData.Kind.PHONE) String phone,
        boolean partyMember,
        String accountSubject,
        List<PostSummary> currentPosts,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /** The same view with the personal data masked. */
    public OfficialView masked() {
        return new OfficialView(id, name, gender, birthDate,
                Masking.mask(PersonalData.Kind.ID_NUMBER, idNumber),
                Masking.mask(PersonalData.Kind.PHONE, phone),
                partyMember, accountSubject, currentPosts, version, createdAt, createdBy, updatedAt, updatedBy);
    }
}
