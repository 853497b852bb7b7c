package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The unit tree: creating, correcting, moving and dissolving units, and finding them. */
@ApplicationScoped
@Transactional
public class UnitService {

    static final String ENTITY_TYPE = "unit";

    private static final Sorting<Unit> SORTING = new Sorting<>("name",
            SortField.of("id", "id", u -> u.id, UUID.class),
            SortField.of("name", "name", u -> u.name, String.class),
            SortField.of("code", "code", u -> u.code, String.class),
            SortField.of("createdAt", "createdAt", u -> u.createdAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", u -> u.updatedAt, Instant.class));

    /** The filters of the unit list. */
    public record Query(UUID parentId, UUID ancestorId, Set<UnitType> types, Set<UnitStatus> statuses, String q,
            String code) {
    }

    private final UnitRepository units;
    private final UnitMapper mapper;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Instance<UnitDissolutionGuard> dissolutionGuards;
    private final UnitHistory history;

    public UnitService(UnitRepository units, UnitMapper mapper, AuditTrail audit, KeysetPager pager,
            CallerScope scope, Instance<UnitDissolutionGuard> dissolutionGuards, UnitHistory history) {
        this.units = units;
        this.mapper = mapper;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.dissolutionGuards = dissolutionGuards;
        this.history = history;
    }

    public UnitView create(UnitWrite write) {
        units.lockTree();
        Unit unit = new Unit();
        mapper.update(write, unit);
        unit.status = UnitStatus.ACTIVE;
        unit.path = UnitRepository.pathUnder(placement(write, null));
        requireFreeCode(write.code(), null);
        audit.stampCreated(unit);
        units.persistAndFlush(unit);
        UnitView view = mapper.toView(unit);
        audit.record("CREATE", ENTITY_TYPE, unit.id, null, view);
        return view;
    }

    /** A unit the caller may see (404 otherwise, as if it did not exist). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitView get(UUID id) {
        return mapper.toView(scope.require(Unit.class, id, CallerScope.UNITS, () -> notFound(id)));
    }

    /** Corrects, renames or moves a unit, from the start of {@code effectiveOn} (from now when not given). */
    public UnitView update(UUID id, IfMatch ifMatch, UnitWrite write, LocalDate effectiveOn) {
        Unit unit = find(id);
        ifMatch.check(unit.version);
        UnitView before = mapper.toView(unit);
        if (unit.status == UnitStatus.DISSOLVED) {
            throw new ProblemException(ErrorCode.UNIT_DISSOLVED, Text.of("unit.unitDissolvedCannotChanged", id));
        }
        boolean moves = !Objects.equals(unit.parentId, write.parentId());
        if (moves) {
            units.lockTree();
        }
        Unit parent = placement(write, unit);
        requireFreeCode(write.code(), unit.id);
        history.dateChanges(effectiveOn, UnitService::invalidEffectiveOn, List.of(unit.id));
        mapper.update(write, unit);
        if (mapper.toView(unit).equals(before)) {
            return before;
        }
        unit.path = UnitRepository.pathUnder(parent);
        audit.stampUpdated(unit);
        units.flush();
        if (moves) {
            units.movePathsBelow(unit, unit.updatedAt, unit.updatedBy);
        }
        UnitView after = mapper.toView(unit);
        audit.record(moves ? "MOVE" : "UPDATE", ENTITY_TYPE, unit.id, before, after);
        return after;
    }

    /** Dissolves a unit: it stays readable as {@code DISSOLVED}. Dissolving a dissolved unit changes nothing. */
    public UnitView dissolve(UUID id, IfMatch ifMatch) {
        units.lockTree();
        // Locked until commit: a post being added in this unit waits, then finds it dissolved.
        Unit unit = units.findForUpdate(id).orElseThrow(() -> notFound(id));
        ifMatch.check(unit.version);
        UnitView before = mapper.toView(unit);
        if (unit.status == UnitStatus.DISSOLVED) {
            return before;
        }
        long children = units.countActiveChildren(unit.id);
        if (children > 0) {
            throw new ProblemException(ErrorCode.UNIT_HAS_ACTIVE_CHILDREN,
                    Text.of("unit.unitHasActiveSubunitS", id, children))
                    .with("activeChildren", children);
        }
        dissolutionGuards.forEach(guard -> guard.beforeDissolving(unit.id));
        history.dateChanges(null, UnitService::invalidEffectiveOn, List.of(unit.id));
        unit.status = UnitStatus.DISSOLVED;
        audit.stampUpdated(unit);
        units.flush();
        UnitView after = mapper.toView(unit);
        audit.record("DISSOLVE", ENTITY_TYPE, unit.id, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.parentId(), "parentId", "e.parentId = :parentId")
                .when(query.ancestorId(), "ancestorId", "e.id = :ancestorId or array_contains(e.path, :ancestorId)")
                .when(query.types(), "types", "e.type in :types")
                .when(query.statuses() == null || query.statuses().isEmpty() ? Set.of(UnitStatus.ACTIVE)
                        : query.statuses(), "statuses", "e.status in :statuses")
                .when(Filters.containing(query.q()), "q", "lower(e.name) like :q escape '\\' or lower(e.code) like :q escape '\\'")
                .when(query.code(), "code", "e.code = :code");
        filters.restrictTo(scope.readable(CallerScope.UNITS));
        return pager.page(Unit.class, filters, SORTING, sort, page).map(mapper::toView);
    }

    /** For sync ({@link UnitSync}): every unit the caller may see, dissolved ones too, or those among {@code ids}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitView> synced(Collection<UUID> ids, PageRequest page) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(CallerScope.UNITS));
        return pager.pageById(Unit.class, filters, SORTING, page).map(mapper::toView);
    }

    private Unit find(UUID id) {
        return units.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException invalidEffectiveOn(Text problem) {
        return ProblemException.invalidParameter("effectiveOn", problem);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("unit", id);
    }

    /**
     * Checks where a unit may sit and returns its parent ({@code null} for a root). Only a district may be a root;
     * the parent must exist, be active, and (for a unit being moved) not be the unit or one of its descendants.
     */
    private Unit placement(UnitWrite write, Unit moving) {
        if (write.parentId() == null) {
            if (write.type() != UnitType.DISTRICT) {
                throw ProblemException.invalidField("/parentId", Text.of("field.requiredUnlessTypeDISTRICT"));
            }
            return null;
        }
        Unit parent = units.findByIdOptional(write.parentId())
                .orElseThrow(() -> ProblemException.invalidField("/parentId", Text.of("field.unitNotFound")));
        if (moving != null && (parent.id.equals(moving.id) || Arrays.asList(parent.path).contains(moving.id))) {
            throw new ProblemException(ErrorCode.UNIT_CYCLE,
                    Text.of("unit.unitCannotMovedUnderItself", moving.id));
        }
        if (parent.status == UnitStatus.DISSOLVED) {
            throw new ProblemException(ErrorCode.UNIT_DISSOLVED,
                    Text.of("unit.parentUnitDissolvedCannotReceive", parent.id));
        }
        return parent;
    }

    private void requireFreeCode(String code, UUID self) {
        units.findByCode(code).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new ProblemException(ErrorCode.UNIT_CODE_TAKEN, Text.of("unit.unitCodeAlreadyUse", code));
        });
    }
}
