package org.zuofeng.contacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The register counted for a period (by the day of the contact) and a unit: how many declarations, by kind, by red
 * flag and by where the review stands; how many were declared before the fact; and the businesses most officials met.
 */
public record ContactStatisticsView(
        LocalDate from,
        LocalDate to,
        UUID unitId,
        long declared,
        long declaredBefore,
        long flagged,
        Map<ContactKind, Long> byKind,
        Map<String, Long> byFlag,
        Map<ContactStatus, Long> byStatus,
        List<Business> businesses) {

    /** A business, with the officials who declared contacts with it and the contacts. */
    public record Business(String creditCode, String name, long officials, long contacts) {
    }
}
