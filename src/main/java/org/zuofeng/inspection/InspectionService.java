package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
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
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.official.PostRepository;
import org.zuofeng.unit.Unit;
import org.zuofeng.unit.UnitRepository;
import org.zuofeng.unit.UnitStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    private final InspectionRepository inspections;
    private final UnitRepository units;
    private final PostRepository posts;
    private final InspectionMapper mapper;
    private final CallerScope scope;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Caller caller;
    private final Clock clock;

    public InspectionService(InspectionRepository inspections, UnitRepository units, PostRepository posts,
            InspectionMapper mapper, CallerScope scope, AuditTrail audit, Transitions transitions,
            KeysetPager pager, Caller caller, Clock clock) {
        this.inspections = inspections;
        this.units = units;
        this.posts = posts;
        this.mapper = mapper;
        this.scope = scope;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.caller = caller;
        this.clock = clock;
    }

    /** Plans an inspection; repeated with the same client-made id and content, answers with the existing one. */
    public Creation<InspectionView> create(InspectionWrite write) {
        requireMayCreate(write);
        String hash = ContentHash.of(write);
        var repeated = ClientIds.repeated("Inspection", write.id(), inspections::findByIdOptional,
                i -> i.createRequestHash.equals(hash)
                        && scope.find(Inspection.class, i.id, InspectionAccess.INSPECTIONS).isPresent());
        if (repeated.isPresent()) {
            return new Creation<>(views(List.of(repeated.get())).get(0), false);
        }
        validate(write);
        Inspection inspection = new Inspection();
        inspection.id = write.id();
        inspection.status = InspectionStatus.PLANNED;
        inspection.createRequestHash = hash;
        apply(write, inspection);
        audit.stampCreated(inspection);
        inspections.persistAndFlush(inspection);
        InspectionView view = views(List.of(inspection)).get(0);
        audit.record("CREATE", ENTITY_TYPE, inspection.id, null, view);
        return new Creation<>(view, true);
    }

    public InspectionView get(UUID id) {
        Inspection inspection = visible(id);
        recordSecretReads(List.of(inspection));
        return views(List.of(inspection)).get(0);
    }

    /**
     * Corrects a planned or running inspection (roles commission and admin). Its type is fixed once it has started,
     * since the type decides its secrecy.
     */
    public InspectionView update(UUID id, IfMatch ifMatch, InspectionWrite write) {
        Inspection inspection = visible(id);
        ifMatch.check(inspection.version);
        if (write.id() != null && !write.id().equals(id)) {
            throw ProblemException.invalidField("/id", "must be absent or the id of this inspection");
        }
        if (inspection.status == InspectionStatus.COMPLETED || inspection.status == InspectionStatus.CANCELLED) {
            throw new ProblemException(ErrorCode.INSPECTION_CLOSED, "Inspection " + id + " is " + inspection.status);
        }
        if (inspection.status != InspectionStatus.PLANNED && write.type() != inspection.type) {
            throw new ProblemException(ErrorCode.INSPECTION_TYPE_FIXED, "Inspection " + id + " is "
                    + inspection.status + " as " + inspection.type + "; its type cannot change once it has started");
        }
        InspectionView before = views(List.of(inspection)).get(0);
        if (writeOf(inspection).equals(withoutId(write))) {
            return before;
        }
        validate(write);
        apply(write, inspection);
        audit.stampUpdated(inspection);
        inspections.flush();
        InspectionView after = views(List.of(inspection)).get(0);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<InspectionView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.types(), "types", "e.type in :types")
                .when(query.statuses(), "statuses", "e.status in :statuses")
                .when(query.teamMember(), "teamMember",
                        "exists (select 1 from Inspection mx join mx.team mm where mx.id = e.id"
                                + " and mm.subject = :teamMember)")
                .when(query.plannedFrom(), "plannedFrom", "e.plannedEnd >= :plannedFrom")
                .when(query.plannedTo(), "plannedTo", "e.plannedStart <= :plannedTo")
                .when(query.updatedSince() == null ? null : query.updatedSince().toInstant(), "updatedSince",
                        "e.updatedAt >= :updatedSince");
        if (query.targetUnitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.targetUnitId(), "targetUnitId",
                    "exists (select 1 from Inspection ux join ux.targetUnitIds ut where ux.id = e.id and ut in "
                            + (query.includeSubunits()
                            ? "(select u.id from Unit u where u.id = :targetUnitId"
                            + " or array_contains(u.path, :targetUnitId)))"
                            : "(:targetUnitId))"));
        }
        filters.restrictTo(scope.readable(InspectionAccess.INSPECTIONS));
        Page<Inspection> found = pager.page(Inspection.class, filters, SORTING, sort, page);
        recordSecretReads(found.items());
        return new Page<>(views(found.items()), found.next(), found.totalCount());
    }

    /** Moves an inspection along its lifecycle; who may take a step depends on the step. */
    public InspectionView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        Inspection inspection = visible(id);
        ifMatch.check(inspection.version);
        InspectionStatus to = LIFECYCLE.parse(request.to);
        requireMayStep(inspection, to);
        Transitions.Step<InspectionStatus> step = transitions.check(LIFECYCLE, inspection.status, to, request);
        InspectionView before = views(List.of(inspection)).get(0);
        if (to == InspectionStatus.IN_PROGRESS) {
            inspection.startedAt = clock.instant();
        } else if (to == InspectionStatus.COMPLETED) {
            inspection.completedAt = clock.instant();
            inspection.summary = request.text("summary");
        }
        inspection.status = to;
        audit.stampUpdated(inspection);
        inspections.flush();
        transitions.record(ENTITY_TYPE, id, step);
        InspectionView after = views(List.of(inspection)).get(0);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        Inspection inspection = visible(id);
        recordSecretReads(List.of(inspection));
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The inspection if the caller may see it ({@link InspectionAccess}); 404 otherwise, as if it did not exist. */
    public Inspection visible(UUID id) {
        return scope.require(Inspection.class, id, InspectionAccess.INSPECTIONS,
                () -> ProblemException.notFound("Inspection", id));
    }

    /** Whether the caller is on the inspection's team (admins count as members for running it). */
    public boolean onTeam(Inspection inspection) {
        return caller.hasRole(Roles.ADMIN) || inspection.hasMember(caller.subject());
    }

    /** A read of a covert inspection before its completion is on record, one event per request. */
    void recordSecretReads(List<Inspection> shown) {
        audit.recordRead(AuditTrail.READ_COVERT, ENTITY_TYPE,
                shown.stream().filter(Inspection::secret).map(i -> i.id).toList());
    }

    private List<InspectionView> views(List<Inspection> list) {
        Map<UUID, Long> counts = inspections.findingCounts(list.stream().map(i -> i.id).toList(),
                scope.readable(InspectionAccess.FINDINGS));
        return list.stream().map(i -> mapper.toView(i, counts.getOrDefault(i.id, 0L))).toList();
    }

    private void requireMayCreate(InspectionWrite write) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION)) {
            return;
        }
        if (write.type() == InspectionType.COVERT) {
            throw new ProblemException(ErrorCode.FORBIDDEN, "Only the commission plans covert inspections");
        }
        boolean leads = write.team().stream().anyMatch(m -> m.lead() && m.subject().equals(caller.subject()));
        if (!leads) {
            throw new ProblemException(ErrorCode.FORBIDDEN,
                    "An inspector creates only spot checks that they lead themselves");
        }
    }

    private void requireMayStep(Inspection inspection, InspectionStatus to) {
        boolean allowed = to == InspectionStatus.CANCELLED
                ? caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION)
                : onTeam(inspection);
        if (!allowed) {
            throw new ProblemException(ErrorCode.FORBIDDEN, to == InspectionStatus.CANCELLED
                    ? "Only the commission cancels inspections"
                    : "Only members of the inspection team start and complete it");
        }
    }

    private void validate(InspectionWrite write) {
        List<FieldError> errors = new ArrayList<>();
        if (write.plannedEnd().isBefore(write.plannedStart())) {
            errors.add(FieldError.atPointer("/plannedEnd", "must not be before plannedStart"));
        }
        if (write.team().stream().filter(InspectionWrite.Member::lead).count() != 1) {
            errors.add(FieldError.atPointer("/team", "exactly one member must be the lead"));
        }
        if (new HashSet<>(write.team().stream().map(InspectionWrite.Member::subject).toList()).size()
                != write.team().size()) {
            errors.add(FieldError.atPointer("/team", "each member may appear only once"));
        }
        if (new HashSet<>(write.targetUnitIds()).size() != write.targetUnitIds().size()) {
            errors.add(FieldError.atPointer("/targetUnitIds", "each unit may appear only once"));
        }
        Map<UUID, Unit> targets = new HashMap<>();
        for (int n = 0; n < write.targetUnitIds().size(); n++) {
            UUID unitId = write.targetUnitIds().get(n);
            var unit = units.findByIdOptional(unitId);
            if (unit.isEmpty()) {
                errors.add(FieldError.atPointer("/targetUnitIds/" + n, "unit not found"));
            } else {
                targets.put(unitId, unit.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        targets.values().stream().filter(u -> u.status != UnitStatus.ACTIVE).findFirst().ifPresent(u -> {
            throw new ProblemException(ErrorCode.UNIT_DISSOLVED, "Target unit " + u.id + " is dissolved");
        });
        List<String> recused = posts.subjectsInPostIn(write.team().stream().map(InspectionWrite.Member::subject)
                .toList(), units.subtreeIds(targets.keySet()), LocalDate.now(clock));
        if (!recused.isEmpty()) {
            throw new ProblemException(ErrorCode.RECUSAL_REQUIRED, "Team member(s) " + String.join(", ", recused)
                    + " hold a post in a target unit or below it and must recuse themselves")
                    .with("subjects", recused);
        }
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
