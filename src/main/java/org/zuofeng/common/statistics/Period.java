package org.zuofeng.common.statistics;

import org.zuofeng.common.time.Times;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a statistic counts over: the days {@code from} to {@code to} (both included, in Asia/Shanghai), and the unit
 * the records are about ({@code unitId}, with the units below it when {@code includeSubunits}); no unit: all.
 */
public record Period(LocalDate from, LocalDate to, UUID unitId, boolean includeSubunits) {

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(Times.ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(Times.ZONE).toInstant();
    }
}
