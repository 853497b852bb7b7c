package org.zuofeng.warning;

import java.util.List;
import java.util.UUID;

/**
 * Warning education in a year: the typical cases published, and the sessions held with their attendance, in all and
 * per unit (most sessions first), of the sessions the caller may read.
 */
public record WarningStatisticsView(int year, long typicalCasesPublished, long sessions, long attendances,
        List<UnitSessions> units) {

    /** A unit's sessions in the year and how many attended them in all. */
    public record UnitSessions(UUID unitId, String name, long sessions, long attendances) {
    }
}
