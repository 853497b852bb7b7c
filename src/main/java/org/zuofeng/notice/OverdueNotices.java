package org.zuofeng.notice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.jobs.Batches;
import org.zuofeng.common.security.RunAs;

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
    private final RunAs runAs;
    private final Clock clock;

    OverdueNotices(EntityManager em, NoticeRepository notices, NoticeViews views, AuditTrail audit, RunAs runAs,
            Clock clock) {
        this.em = em;
        this.notices = notices;
        this.views = views;
        this.audit = audit;
        this.runAs = runAs;
        this.clock = clock;
    }

    @Scheduled(every = "${zuofeng.events.overdue-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announce();
    }

    /** Announces every notice newly overdue; answers how many this run announced. */
    public int announce() {
        int[] announced = new int[1];
        runAs.system(() -> announced[0] = Batches.repeat(BATCH, this::announceBatch).rows());
        return announced[0];
    }

    private int announceBatch() {
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
                .setParameter("batch", BATCH).getResultList();
        for (UUID id : claimed) {
            NoticeView view = views.of(notices.findById(id));
            audit.record(ACTION, NoticeService.ENTITY_TYPE, id, view, view);
        }
        return claimed.size();
    }
}
