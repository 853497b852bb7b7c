package org.zuofeng.common.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.time.Times;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading the audit log, newest first by default. The log's before and after images are the records themselves, so
 * reading an image of a record that is still secret (a covert inspection's, before it completes) is on record as a
 * read of it ({@link AuditTrail#READ_COVERT}), as it is through the record's own endpoints.
 */
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
    private final AuditTrail audit;
    private final Map<String, CovertRecords> secrets;

    public AuditEventService(KeysetPager pager, AuditEventMapper mapper, AuditTrail audit,
            Instance<CovertRecords> secrets) {
        this.pager = pager;
        this.mapper = mapper;
        this.audit = audit;
        this.secrets = secrets.stream().collect(Collectors.toMap(CovertRecords::entityType, Function.identity()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEventView> list(Query query, String sort, PageRequest page) {
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw ProblemException.invalidParameter("to", Text.of("field.beforeFrom"));
        }
        Filters filters = new Filters()
                .when(query.entityType(), "entityType", "e.entityType = :entityType")
                .when(query.entityId(), "entityId", "e.entityId = :entityId or array_contains(e.entityIds, :entityId)")
                .when(query.actor(), "actor", "e.actor = :actor")
                .when(query.action(), "action", "e.action = :action")
                .when(Times.fromWire(query.from()), "from", "e.occurredAt >= :from")
                .when(Times.fromWire(query.to()), "to", "e.occurredAt < :to");
        Page<AuditEvent> found = pager.page(AuditEvent.class, filters, SORTING, sort, page);
        recordSecretReads(found.items());
        return found.map(mapper::toView);
    }

    /** One {@code READ_COVERT} event per entity type whose still-secret records this page shows images of. */
    private void recordSecretReads(List<AuditEvent> shown) {
        shown.stream().filter(e -> e.entityId != null && (e.before != null || e.after != null))
                .collect(Collectors.groupingBy(e -> e.entityType, Collectors.mapping(e -> e.entityId,
                        Collectors.toCollection(LinkedHashSet::new))))
                .forEach((type, ids) -> {
                    CovertRecords owner = secrets.get(type);
                    if (owner != null) {
                        Set<UUID> secret = owner.secretAmong(ids);
                        audit.recordRead(AuditTrail.READ_COVERT, type, ids.stream().filter(secret::contains).toList());
                    }
                });
    }
}
