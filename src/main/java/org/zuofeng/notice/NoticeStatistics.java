package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.statistics.Aggregates;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.common.statistics.Where;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
        List<Issued> issued = new ArrayList<>();
        aggregates.rows("select e.type, e.serialYear, count(e)", "SupervisionNotice e", where(period),
                        "group by e.type, e.serialYear order by e.serialYear, e.type", NoticeAccess.NOTICES)
                .forEach(r -> issued.add(new Issued((NoticeType) r[0], (Integer) r[1], ((Number) r[2]).longValue())));
        return issued;
    }

    /** Exposé features (暗访专题片) issued in the period: public exposures in the medium of a video feature. */
    public long exposureFeatures(Period period) {
        return aggregates.count("SupervisionNotice e", where(period).and("e.medium = :feature",
                Map.of("feature", ExposureMedium.VIDEO_FEATURE)), NoticeAccess.NOTICES);
    }

    public Rectification rectification(Period period) {
        Where rectifications = rectifications(period);
        return new Rectification(aggregates.count("SupervisionNotice e", rectifications, NoticeAccess.NOTICES),
                aggregates.count("SupervisionNotice e", rectifications.and("e.status in :accepted",
                        Map.of("accepted", EnumSet.of(NoticeStatus.ACCEPTED, NoticeStatus.CLOSED))),
                        NoticeAccess.NOTICES),
                aggregates.count("SupervisionNotice e", overdue(rectifications), NoticeAccess.NOTICES));
    }

    /** The units with the most rectification notices overdue today among those issued in the period, most first. */
    public Map<UUID, Long> mostOverdue(Period period, int limit) {
        Map<UUID, Long> units = new LinkedHashMap<>();
        aggregates.rows("select au, count(e)", "SupervisionNotice e join e.addresseeUnitIds au",
                        overdue(rectifications(period)), "group by au order by count(e) desc, au",
                        NoticeAccess.NOTICES, limit)
                .forEach(r -> units.put((UUID) r[0], ((Number) r[1]).longValue()));
        return units;
    }

    /** Of these, the notices overdue today: past their deadline and not yet accepted. */
    private Where overdue(Where notices) {
        return notices.and("e.status in :awaiting and e.deadline < :today", Map.of("awaiting",
                EnumSet.of(NoticeStatus.ISSUED, NoticeStatus.RESPONDED, NoticeStatus.RETURNED),
                "today", LocalDate.now(clock)));
    }

    private static Where rectifications(Period period) {
        return where(period).and("e.type = :rectification", Map.of("rectification", NoticeType.RECTIFICATION_NOTICE));
    }

    private static Where where(Period period) {
        return Where.of("e.issuedAt >= :from and e.issuedAt < :to and e.deletedAt is null",
                        Map.of("from", period.start(), "to", period.end()))
                .andOfUnit(period, "exists (select 1 from SupervisionNotice ax join ax.addresseeUnitIds ua"
                        + " where ax.id = e.id and ua in " + Units.ofPeriod(period) + ")");
    }
}
