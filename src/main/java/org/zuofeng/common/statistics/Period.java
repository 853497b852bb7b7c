package org.zuofeng.common.statistics;

import org.zuofeng.common.time.Times;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a statistic counts over: the days {@code from} to {@code to} (both included, in Asia/Shanghai), and the unit
 * the records are about ({@code unitId}, with the units below it when {@code includeSubunits}); no unit: all.
 */
public record Period(LocalDate from, LocalDate to, UUID unitId, boolean includeSubunits) {

    /**
     * The period of a statistics query's parameters: to today and from the first of its year unless given; a 400
     * problem on {@code from} when the period is backwards or too long.
     */
    public static Period ofQuery(LocalDate from, LocalDate to, UUID unitId, Boolean includeSubunits, Clock clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.withDayOfYear(1);
        problemWith(start, end).ifPresent(problem -> {
            throw ProblemException.invalidParameter("from", problem);
        });
        return new Period(start, end, unitId, Boolean.TRUE.equals(includeSubunits));
    }

    /** The calendar year {@code year}, of every unit. */
    public static Period ofYear(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, false);
    }

    /** What is wrong with a period from {@code from} to {@code to}, if anything: backwards, or over 20 years. */
    public static Optional<Text> problemWith(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return Optional.of(Text.of("field.fromAfterTo"));
        }
        if (from.plusYears(20).isBefore(to)) {
            return Optional.of(Text.of("field.periodTooLong"));
        }
        return Optional.empty();
    }

    /**
     * The parameters of a condition on the period's unit: {@code unitId}, and {@code treeAt}, the period's end, at
     * which the unit tree it counts over is taken.
     */
    public Map<String, Object> unitParameters() {
        return Map.of("unitId", unitId, "treeAt", end());
    }

    /** The last instant of the period: its units are named as they were then. */
    public Instant last() {
        return end().minusNanos(1);
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(Times.ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(Times.ZONE).toInstant();
    }
}
