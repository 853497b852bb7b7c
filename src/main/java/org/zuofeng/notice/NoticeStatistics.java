package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notices counted: those issued in a period that the caller may read, by type and numbering year (情况通报 10 期 in
 * 2015), and how their rectification went: accepted, or overdue today.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NoticeStatistics {

    /** Notices of one type numbered in one year. */
    public record Issued(NoticeType type, Integer year, long count) {
    }

    /** Rectification notices issued in the period: how many, accepted, overdue today (past deadline, unaccepted). */
    public record Rectification(long issued, long accepted, long overdue) {
    }

    private final Aggregates aggregates;
    private final Clock clock;

    public NoticeStatistics(Aggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    public List<Issued> issued(Period period) {
        Query q = query(period);
        List<Issued> issued = new ArrayList<>();
        aggregates.rows("select e.type, e.serialYear, count(e)", "SupervisionNotice e", q.where(),
                        "group by e.type, e.serialYear order by e.serialYear, e.type", q.parameters(),
                        NoticeAccess.NOTICES)
                .forEach(r -> issued.add(new Issued((NoticeType) r[0], (Integer) r[1], ((Number) r[2]).longValue())));
        return issued;
    }

    /** Exposé features (暗访专题片) issued in the period: public exposures in the medium of a video feature. */
    public long exposureFeatures(Period period) {
        Query q = query(period);
        Map<String, Object> parameters = new HashMap<>(q.parameters());
        parameters.put("feature", ExposureMedium.VIDEO_FEATURE);
        return aggregates.count("SupervisionNotice e", q.where() + " and e.medium = :feature", parameters,
                NoticeAccess.NOTICES);
    }

    public Rectification rectification(Period period) {
        Query q = query(period);
        Map<String, Object> parameters = new HashMap<>(q.parameters());
        parameters.put("rectification", NoticeType.RECTIFICATION_NOTICE);
        String rectifications = q.where() + " and e.type = :rectification";
        Map<String, Object> accepted = new HashMap<>(parameters);
        accepted.put("accepted", EnumSet.of(NoticeStatus.ACCEPTED, NoticeStatus.CLOSED));
        return new Rectification(
                aggregates.count("SupervisionNotice e", rectifications, parameters, NoticeAccess.NOTICES),
                aggregates.count("SupervisionNotice e", rectifications + " and e.status in :accepted", accepted,
                        NoticeAccess.NOTICES),
                aggregates.count("SupervisionNotice e", rectifications + " and " + OVERDUE, overdue(parameters),
                        NoticeAccess.NOTICES));
    }

    /** The units with the most rectification notices overdue today among those issued in the period, most first. */
    public Map<UUID, Long> mostOverdue(Period period, int limit) {
        Query q = query(period);
        Map<String, Object> parameters = new HashMap<>(q.parameters());
        parameters.put("rectification", NoticeType.RECTIFICATION_NOTICE);
        Map<UUID, Long> units = new LinkedHashMap<>();
        aggregates.rows("select au, count(e)", "SupervisionNotice e join e.addresseeUnitIds au",
                        q.where() + " and e.type = :rectification and " + OVERDUE,
                        "group by au order by count(e) desc, au", overdue(parameters), NoticeAccess.NOTICES, limit)
                .forEach(r -> units.put((UUID) r[0], ((Number) r[1]).longValue()));
        return units;
    }

    private static final String OVERDUE = "e.status in :awaiting and e.deadline < :today";

    private Map<String, Object> overdue(Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("awaiting", EnumSet.of(NoticeStatus.ISSUED, NoticeStatus.RESPONDED, NoticeStatus.RETURNED));
        all.put("today", LocalDate.now(clock));
        return all;
    }

    private record Query(String where, Map<String, Object> parameters) {
    }

    private Query query(Period period) {
        Map<String, Object> parameters = new HashMap<>(Map.of("from", period.start(), "to", period.end()));
        String where = "e.issuedAt >= :from and e.issuedAt < :to and e.deletedAt is null";
        if (period.unitId() != null) {
            where += " and exists (select 1 from SupervisionNotice ax join ax.addresseeUnitIds ua where ax.id = e.id"
                    + " and ua in " + (period.includeSubunits() ? Units.subtreeOf("unitId") : "(:unitId)") + ")";
            parameters.put("unitId", period.unitId());
        }
        return new Query(where, parameters);
    }
}
