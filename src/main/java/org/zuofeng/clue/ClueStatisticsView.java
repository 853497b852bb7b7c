package org.zuofeng.clue;

import org.zuofeng.finding.FindingCategory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clue register counted, for the clues received in a period (and about a unit, if asked): by source, channel and
 * kind, where their handling stands, the ways approved, the outcomes, how many deadlines were met in time, and the
 * units with the most clues.
 */
public record ClueStatisticsView(
        LocalDate from,
        LocalDate to,
        UUID unitId,
        long received,
        Map<ClueSource, Long> bySource,
        Map<ClueChannel, Long> byChannel,
        Map<FindingCategory, Long> byCategory,
        Map<ClueStatus, Long> byStatus,
        Map<ClueWay, Long> byWay,
        Map<ClueOutcome, Long> byOutcome,
        Timeliness timeliness,
        List<RankedUnit> unitsByClues) {

    /** The deadlines of the rules: how many of each have fallen due (or were met early), how many were met in time. */
    public record Timeliness(Deadline proposal, Deadline acceptanceNotice, Deadline resultNotice) {
    }

    /** One deadline: {@code share} is {@code withinDeadline / due}, absent while nothing is due. */
    public record Deadline(long due, long withinDeadline, Double share) {

        static Deadline of(long due, long within) {
            return new Deadline(due, within, due == 0 ? null : Math.round(1000.0 * within / due) / 1000.0);
        }
    }

    /** A unit by name, with its count. */
    public record RankedUnit(UUID unitId, String name, long count) {
    }
}
