package org.zuofeng.notice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.jobs.Announcements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Announces each rectification notice that passes its deadline unaccepted, once ({@code org.zuofeng.notice.overdue},
 * an audit event of the service itself): the job claims notices with {@code FOR UPDATE SKIP LOCKED} and marks them
 * announced in the transaction of the announcement, so replicas running it at once never announce one twice.
 */
@ApplicationScoped
public class OverdueNotices {

    static final String ACTION = "OVERDUE";
    private static final int BATCH = 200;

    private final EntityManager em;
    private final NoticeRepository notices;
    private final NoticeViews views;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final Clock clock;

    OverdueNotices(EntityManager em, NoticeRepository notices, NoticeViews views, AuditTrail audit,
            Announcements announcements, Clock clock) {
        this.em = em;
        this.notices = notices;
        this.views = views;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Scheduled(every = "${zuofeng.events.overdue-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announce();
    }

    /** Announces every notice newly overdue; answers how many announcements this run made. */
    public int announce() {
        return announcements.run(BATCH, this::claim, this::announceClaimed);
    }

    /** Claims the notices newly overdue, skipping those another replica is claiming. */
    private List<UUID> claim(int size) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("""
                        update supervision_notices set overdue_announced_at = :now
                        where id in (
                            select id from supervision_notices
                            where type = 'RECTIFICATION_NOTICE' and overdue_announced_at is null
                              and deleted_at is null and status in ('ISSUED', 'RESPONDED', 'RETURNED')
                              and deadline < :today
                            order by deadline, id
                            limit :batch
                            for update skip locked)
                        returning id""")
                .setParameter("now", clock.instant()).setParameter("today", LocalDate.now(clock))
                .setParameter("batch", size).getResultList();
        return claimed;
    }

    private void announceClaimed(UUID id) {
        NoticeView view = views.of(notices.findById(id));
        audit.record(ACTION, NoticeService.ENTITY_TYPE, id, view, view);
    }
}
