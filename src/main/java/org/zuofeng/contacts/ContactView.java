package org.zuofeng.contacts;

import org.zuofeng.common.concurrency.Versioned;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A declaration as the API shows it. To a reader who may not read clues (the official, a unit officer, HR) a
 * declaration referred as a clue shows as still {@code DECLARED}, without the reason or the clue: the register of
 * clues is secret to those it may concern.
 */
public record ContactView(
        UUID id,
        UUID officialId,
        String officialName,
        UUID unitId,
        String unitName,
        String businessName,
        String creditCode,
        ContactKind kind,
        LocalDate occurredOn,
        String place,
        BigDecimal value,
        PaidBy paidBy,
        boolean declined,
        String purpose,
        String othersPresent,
        List<PowerItem> powerItems,
        LocalDate declaredOn,
        boolean declaredBefore,
        String declaredBy,
        boolean onBehalf,
        List<ContactFlag> flags,
        ContactStatus status,
        String reviewReason,
        OffsetDateTime reviewedAt,
        String reviewedBy,
        UUID clueId,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /** An item of the unit's power list in effect on the day of the contact. */
    public record PowerItem(String code, String name) {
    }
}
