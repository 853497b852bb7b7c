package org.zuofeng.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A published version as the public sees it: no ids of the accounts that drafted or published it. */
public record PublicDutyListView(String unitCode, String unitName, DutyListKind kind, int number,
        LocalDate effectiveFrom, List<DutyItem> items, OffsetDateTime publishedAt) {
}
