package org.zuofeng.clue;

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
 * Announces each deadline of a clue that passes with nothing done, once ({@code org.zuofeng.clue.overdue}, an audit
 * event of the service itself, which only readers of the clue see on the feed). The job records the announcement
 * under the key of the clue and the deadline in the transaction of the announcement, so replicas running it at once
 * never announce one twice.
 */
@ApplicationScoped
public class OverdueClues {

    static final String ACTION = "OVERDUE";
    private static final int BATCH = 200;

    private final EntityManager em;
    private final ClueViews views;
    private final AuditTrail audit;
    private final Announcements announcements;
    private final Clock clock;

    OverdueClues(EntityManager em, ClueViews views, AuditTrail audit, Announcements announcements, Clock clock) {
        this.em = em;
        this.views = views;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Scheduled(every = "${zuofeng.events.overdue-every:1m}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announce();
    }

    /** Announces every deadline newly passed; answers how many announcements this run made. */
    public int announce() {
        return announcements.run(BATCH, this::claim, this::announceClaimed);
    }

    /** Claims the deadlines newly passed, each of a clue once. */
    private List<UUID> claim(int size) {
        @SuppressWarnings("unchecked")
        List<UUID> claimed = em.createNativeQuery("""
                        insert into clue_overdue_announcements (clue_id, deadline, announced_at)
                        select d.clue_id, d.deadline, :now from (
                            select id as clue_id, 'PROPOSAL' as deadline from clues
                            where proposed_on is null and proposal_due < :today
                            union all
                            select id, 'ACCEPTANCE_NOTICE' from clues
                            where acceptance_due < :today and acceptance_told_on is null
                            union all
                            select id, 'RESULT_NOTICE' from clues
                            where result_due < :today and result_told_on is null) d
                        where not exists (select 1 from clue_overdue_announcements a
                                          where a.clue_id = d.clue_id and a.deadline = d.deadline)
                        order by d.clue_id, d.deadline
                        limit :batch
                        on conflict do nothing
                        returning clue_id""")
                .setParameter("now", clock.instant()).setParameter("today", LocalDate.now(clock))
                .setParameter("batch", size).getResultList();
        return claimed;
    }

    private void announceClaimed(UUID id) {
        ClueView view = views.of(em.find(Clue.class, id));
        audit.record(ACTION, ClueService.ENTITY_TYPE, id, view, view);
    }
}
