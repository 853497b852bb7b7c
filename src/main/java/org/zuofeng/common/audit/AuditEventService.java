package org.zuofeng.common.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.time.Times;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reading the audit log, newest first by default. */
@ApplicationScoped
public class AuditEventService {

    private static final Sorting<AuditEvent> SORTING = new Sorting<>("-occurredAt",
            SortField.of("id", "id", e -> e.id, UUID.class),
            SortField.of("occurredAt", "occurredAt", e -> e.occurredAt, Instant.class));

    /** The filters of the audit log. */
    public record Query(String entityType, UUID entityId, String actor, String action, OffsetDateTime from,
            OffsetDateTime to) {
    }

    private final KeysetPager pager;
    private final AuditEventMapper mapper;

    public AuditEventService(KeysetPager pager, AuditEventMapper mapper) {
        this.pager = pager;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEventView> list(Query query, String sort, PageRequest page) {
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw ProblemException.invalidParameter("to", "must not be before 'from'");
        }
        Filters filters = new Filters()
                .when(query.entityType(), "entityType", "e.entityType = :entityType")
                .when(query.entityId(), "entityId", "e.entityId = :entityId or array_contains(e.entityIds, :entityId)")
                .when(query.actor(), "actor", "e.actor = :actor")
                .when(query.action(), "action", "e.action = :action")
                .when(Times.fromWire(query.from()), "from", "e.occurredAt >= :from")
                .when(Times.fromWire(query.to()), "to", "e.occurredAt < :to");
        return pager.page(AuditEvent.class, filters, SORTING, sort, page).map(mapper::toView);
    }
}
