package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.eventlog.ListedEvents;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageParams;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Escalations read under {@link EscalationAccess}, for the API and the event feed. */
@ApplicationScoped
@Transactional
public class EscalationReads extends ListedEvents<EscalationView> {

    private static final Sorting<NoticeEscalation> SORTING = new Sorting<>("-escalatedAt",
            SortField.of("id", "id", e -> e.id, UUID.class),
            SortField.of("escalatedAt", "escalatedAt", e -> e.escalatedAt, Instant.class));

    private final EntityManager em;
    private final KeysetPager pager;
    private final CallerScope scope;

    public EscalationReads(EntityManager em, KeysetPager pager, CallerScope scope) {
        this.em = em;
        this.pager = pager;
        this.scope = scope;
    }

    Page<EscalationView> list(UUID noticeId, EscalationStage stage, PageParams page) {
        Filters filters = new Filters().when(noticeId, "noticeId", "e.noticeId = :noticeId")
                .when(stage, "stage", "e.stage = :stage")
                .restrictTo(scope.readable(EscalationAccess.ESCALATIONS));
        return pager.page(NoticeEscalation.class, filters, SORTING, page.sort(), page.request())
                .map(Escalations::view);
    }

    EscalationView get(UUID id) {
        return Escalations.view(scope.require(NoticeEscalation.class, id, EscalationAccess.ESCALATIONS,
                () -> ProblemException.notFound("escalation", id)));
    }

    @Override
    protected Names names() {
        return new Names(Escalations.ENTITY_TYPE, "escalation", "/api/v1/escalations");
    }

    @Override
    protected List<EscalationView> visibleAmong(Collection<UUID> ids) {
        Collection<UUID> readable = scope.readableIds(NoticeEscalation.class, ids, EscalationAccess.ESCALATIONS);
        if (readable.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from NoticeEscalation e where e.id in :ids order by e.id", NoticeEscalation.class)
                .setParameter("ids", readable).getResultList().stream().map(Escalations::view).toList();
    }

    @Override
    protected UUID idOf(EscalationView view) {
        return view.id();
    }
}
