package org.zuofeng.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.zuofeng.common.statistics.Where;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other features ask of notices (a case citing the one it arose from), and the only way they reach them: no
 * class outside this package reads a {@link SupervisionNotice} or its tables.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Notices {

    private static final List<NoticeStatus> AWAITING = List.of(NoticeStatus.ISSUED, NoticeStatus.RESPONDED,
            NoticeStatus.RETURNED);

    private final NoticeRepository notices;

    public Notices(NoticeRepository notices) {
        this.notices = notices;
    }

    /** A rectification notice still awaiting an accepted response after its deadline, as escalation sees it. */
    public record Overdue(UUID id, String title, LocalDate deadline, List<UUID> addresseeUnitIds,
            List<UUID> findingIds) {
    }

    /**
     * Up to {@code limit} rectification notices whose deadline was before {@code deadlineBefore}, that still await an
     * accepted response and that {@code unless} (a condition on the notice {@code e}) does not hold for, after
     * {@code after} in the order of their ids (a page of them). The condition is how the feature asking leaves out,
     * in the statement, the notices it is done with.
     */
    public List<Overdue> overdue(LocalDate deadlineBefore, UUID after, int limit, Where unless) {
        Map<String, Object> parameters = new HashMap<>(unless.parameters());
        parameters.putAll(Map.of("type", NoticeType.RECTIFICATION_NOTICE, "awaiting", AWAITING,
                "before", deadlineBefore, "after", after));
        return notices.find("from SupervisionNotice e where e.type = :type and e.status in :awaiting"
                        + " and e.deletedAt is null and e.deadline < :before and e.id > :after and not ("
                        + unless.hql() + ") order by e.id", parameters)
                .page(0, limit).list().stream()
                .map(n -> new Overdue(n.id, n.title, n.deadline, List.copyOf(n.addresseeUnitIds),
                        List.copyOf(n.findingIds)))
                .toList();
    }

    /**
     * Locks the notice and answers whether it still awaits an accepted response after its deadline: a notice accepted
     * meanwhile is left alone.
     */
    public boolean lockIfOverdue(UUID id, LocalDate today) {
        return notices.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(n -> n.deletedAt == null && n.overdueOn(today)).isPresent();
    }

    /** Whether the notice exists (a deleted draft does not). */
    public boolean exists(UUID id) {
        return notices.findLive(id).isPresent();
    }
}
