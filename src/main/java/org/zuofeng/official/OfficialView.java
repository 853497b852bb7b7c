package org.zuofeng.official;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.common.privacy.Masking;
import org.zuofeng.common.privacy.PersonalData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An official as the API shows it. For roles that may not see personal data, {@code idNumber} keeps only its region
 * code, {@code phone} its first three and last four digits, and {@code birthDate} is left out: what is left is what a
 * public cadre notice shows, and {@code birthYearMonth} (出生年月) is shown to everyone.
 */
public record OfficialView(
        UUID id,
        String name,
        Gender gender,
        @PersonalData(PersonalData.Kind.BIRTH_DATE) LocalDate birthDate,
        YearMonth birthYearMonth,
        @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber,
        @PersonalData(PersonalData.Kind.PHONE) String phone,
        boolean partyMember,
        String accountSubject,
        Map<String, String> externalIds,
        List<PostSummary> currentPosts,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /** External ids in the order of their systems' names, so that the same official always reads the same. */
    public OfficialView {
        externalIds = externalIds == null ? null : Collections.unmodifiableMap(new TreeMap<>(externalIds));
    }

    /** The same view with the personal data masked. */
    public OfficialView masked() {
        return new OfficialView(id, name, gender, null, birthYearMonth,
                Masking.mask(PersonalData.Kind.ID_NUMBER, idNumber),
                Masking.mask(PersonalData.Kind.PHONE, phone),
                partyMember, accountSubject, externalIds, currentPosts, version, createdAt, createdBy, updatedAt,
                updatedBy);
    }
}
