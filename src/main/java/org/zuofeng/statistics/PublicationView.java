package org.zuofeng.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Published statistics as everyone reads them: no account names, the figures as they stood when published. */
public record PublicationView(UUID id, String title, LocalDate from, LocalDate to, OffsetDateTime publishedAt,
        StatisticsSummary figures) {
}
