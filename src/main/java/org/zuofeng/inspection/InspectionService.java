package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.eventlog.EventOutbox;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.ClientIds;
import org.zuofeng.common.persistence.ContentHash;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Inspections: planning them (also offline, under a client-made id), running them through their lifecycle, and
 * showing each caller only what they may see; covert inspections stay secret from their targets until completed.
 */
@ApplicationScoped
@Transactional
public class InspectionService {

    public static final String ENTITY_TYPE = "inspection";

    static final Lifecycle<InspectionStatus> LIFECYCLE = Lifecycle.of(InspectionStatus.class)
            .step(InspectionStatus.IN_PROGRESS, InspectionStatus.PLANNED)
            .step(InspectionStatus.COMPLETED, InspectionStatus.IN_PROGRESS)
            .step(InspectionStatus.CANCELLED, InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS)
            .noteRequired(InspectionStatus.CANCELLED)
            .fieldsRequired(InspectionStatus.COMPLETED, "summary")
            .build();

    private static final Sorting<Inspection> SORTING = new Sorting<>("-plannedStart",
            SortField.of("id", "id", i -> i.id, UUID.class),
            SortField.of("plannedStart", "plannedStart", i -> i.plannedStart, LocalDate.class),
            SortField.of("createdAt", "createdAt", i -> i.createdAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", i -> i.updatedAt, Instant.class));

    /** The filters of the inspection list. */
    public record Query(Set<InspectionType> types, Set<InspectionStatus> statuses, UUID targetUnitId,
            boolean includeSubunits, String teamMember, LocalDate plannedFrom, LocalDate plannedTo,
            OffsetDateTime updatedSince) {
    }

    private final InspectionRepository repository;
    private final Inspections inspections;
    private final InspectionChecks checks;
    private final InspectionViews views;
    private final InspectionMapper mapper;
    private final CallerScope scope;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Clock clock;
    private final EventOutbox outbox;

    public InspectionService(InspectionRepository repository, Inspections inspections, InspectionChecks checks,
            InspectionViews views, InspectionMapper mapper, CallerScope scope, AuditTrail audit,
            Transitions transitions, KeysetPager pager, Clock clock, EventOutbox outbox) {
        this.repository = repository;
        this.inspections = inspections;
        this.checks = checks;
        this.views = views;
        this.mapper = mapper;
        this.scope = scope;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Plans an inspection; repeated with the same client-made id and content, answers with the existing one. */
    public Creation<InspectionView> create(InspectionWrite write) {
        checks.requireMayCreate(write);
        String hash = ContentHash.of(write);
        var repeated = ClientIds.repeated("Inspection", write.id(), repository::findByIdOptional,
                i -> i.createRequestHash.equals(hash)
                        && scope.find(Inspection.class, i.id, InspectionAccess.INSPECTIONS).isPresent());
        if (repeated.isPresent()) {
            return new Creation<>(views.of(repeated.get()), false);
        }
        checks.validate(write);
        Inspection inspection = new Inspection();
        inspection.id = write.id();
        inspection.status = InspectionStatus.PLANNED;
        inspection.createRequestHash = hash;
        apply(write, inspection);
        audit.stampCreated(inspection);
        repository.persistAndFlush(inspection);
        InspectionView view = views.of(inspection);
        audit.record("CREATE", ENTITY_TYPE, inspection.id, null, view);
        return new Creation<>(view, true);
    }

    public InspectionView get(UUID id) {
        Inspection inspection = visible(id);
        recordSecretReads(List.of(inspection));
        return views.of(inspection);
    }

    /**
     * Corrects a planned or running inspection (roles commission and admin). Its type is fixed once it has started,
     * since the type decides its secrecy.
     */
    public InspectionView update(UUID id, IfMatch ifMatch, InspectionWrite write) {
        Inspection inspection = visible(id);
        ifMatch.check(inspection.version);
        if (write.id() != null && !write.id().equals(id)) {
            throw ProblemException.invalidField("/id", Text.of("field.absentIdInspection"));
        }
        if (inspection.status == InspectionStatus.COMPLETED || inspection.status == InspectionStatus.CANCELLED) {
            throw new ProblemException(ErrorCode.INSPECTION_CLOSED, Text.of("inspection.closed", id,
                    inspection.status));
        }
        if (inspection.status != InspectionStatus.PLANNED && write.type() != inspection.type) {
            throw new ProblemException(ErrorCode.INSPECTION_TYPE_FIXED,
                    Text.of("inspection.inspectionTypeCannotChangeOnce", id, inspection.status, inspection.type));
        }
        InspectionView before = views.of(inspection);
        if (writeOf(inspection).equals(withoutId(write))) {
            return before;
        }
        checks.validate(write);
        apply(write, inspection);
        audit.stampUpdated(inspection);
        repository.flush();
        InspectionView after = views.of(inspection);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<InspectionView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.types(), "types", "e.type in :types")
                .when(query.statuses(), "statuses", "e.status in :statuses")
                .when(query.teamMember(), "teamMember",
                        "e.id in (select ts.inspectionId from TeamSeat ts where ts.subject = :teamMember)")
                .when(query.plannedFrom(), "plannedFrom", "e.plannedEnd >= :plannedFrom")
                .when(query.plannedTo(), "plannedTo", "e.plannedStart <= :plannedTo")
                .when(query.updatedSince() == null ? null : query.updatedSince().toInstant(), "updatedSince",
                        "e.updatedAt >= :updatedSince");
        if (query.targetUnitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.targetUnitId(), "targetUnitId",
                    "exists (select 1 from Inspection ux join ux.targetUnitIds ut where ux.id = e.id and ut in "
                            + (query.includeSubunits()
                            ? Units.subtreeOf("targetUnitId") + ")"
                            : "(:targetUnitId))"));
        }
        filters.restrictTo(scope.readable(InspectionAccess.INSPECTIONS));
        Page<Inspection> found = pager.page(Inspection.class, filters, SORTING, sort, page);
        recordSecretReads(found.items());
        return new Page<>(views.of(found.items()), found.next(), found.totalCount());
    }

    /** For sync ({@link InspectionSync}): every inspection the caller may see, or those among {@code ids}, by id. */
    public Page<InspectionView> synced(Collection<UUID> ids, PageRequest page) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(InspectionAccess.INSPECTIONS));
        Page<Inspection> found = pager.pageById(Inspection.class, filters, SORTING, page);
        recordSecretReads(found.items());
        return new Page<>(views.of(found.items()), found.next(), null);
    }

    /** Moves an inspection along its lifecycle; who may take a step depends on the step. */
    public InspectionView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        Inspection inspection = visible(id);
        ifMatch.check(inspection.version);
        InspectionStatus to = LIFECYCLE.parse(request.to);
        checks.requireMayStep(inspection, to);
        Transitions.Step<InspectionStatus> step = transitions.check(LIFECYCLE, inspection.status, to, request);
        InspectionView before = views.of(inspection);
        if (to == InspectionStatus.IN_PROGRESS) {
            inspection.startedAt = clock.instant();
        } else if (to == InspectionStatus.COMPLETED) {
            inspection.completedAt = clock.instant();
            inspection.summary = request.text("summary");
        }
        inspection.status = to;
        audit.stampUpdated(inspection);
        repository.flush();
        transitions.record(ENTITY_TYPE, id, step);
        InspectionView after = views.of(inspection);
        if (to == InspectionStatus.COMPLETED) {
            outbox.release(id);
        }
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        Inspection inspection = visible(id);
        recordSecretReads(List.of(inspection));
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    private Inspection visible(UUID id) {
        return inspections.visible(id);
    }

    /** A read of a covert inspection before its completion is on record, one event per request. */
    private void recordSecretReads(List<Inspection> shown) {
        audit.recordRead(AuditTrail.READ_COVERT, ENTITY_TYPE,
                shown.stream().filter(Inspection::secret).map(i -> i.id).toList());
    }

    private InspectionWrite writeOf(Inspection inspection) {
        return new InspectionWrite(null, inspection.type, inspection.title, inspection.description,
                inspection.plannedStart, inspection.plannedEnd, List.copyOf(inspection.targetUnitIds),
                inspection.team.stream().map(mapper::toMember).toList(), inspection.topic);
    }

    private static InspectionWrite withoutId(InspectionWrite write) {
        return new InspectionWrite(null, write.type(), write.title(), write.description(), write.plannedStart(),
                write.plannedEnd(), write.targetUnitIds(), write.team(), write.topic());
    }

    private void apply(InspectionWrite write, Inspection inspection) {
        mapper.update(write, inspection);
        inspection.targetUnitIds.clear();
        inspection.targetUnitIds.addAll(write.targetUnitIds());
        inspection.team.clear();
        write.team().forEach(m -> inspection.team.add(mapper.toEntity(m)));
    }
}
