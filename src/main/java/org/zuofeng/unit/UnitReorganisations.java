package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Mergers and splits, dated by the day they take effect, and the history they leave. A merged unit is dissolved and
 * placed under the unit it went into, its active subunits with it: from that day the successor's subtree holds its
 * records. A split unit is dissolved where it stands; its records stay with it, and its successors are named.
 */
@ApplicationScoped
@Transactional
public class UnitReorganisations {

    private final UnitRepository units;
    private final UnitHistory history;
    private final UnitMapper mapper;
    private final AuditTrail audit;
    private final CallerScope scope;
    private final Instance<UnitDissolutionGuard> dissolutionGuards;

    UnitReorganisations(UnitRepository units, UnitHistory history, UnitMapper mapper, AuditTrail audit,
            CallerScope scope, Instance<UnitDissolutionGuard> dissolutionGuards) {
        this.units = units;
        this.history = history;
        this.mapper = mapper;
        this.audit = audit;
        this.scope = scope;
        this.dissolutionGuards = dissolutionGuards;
    }

    /** Merges {@code write}'s units into {@code successorId}, and answers the successor's history. */
    public UnitHistoryView merge(UUID successorId, MergerWrite write) {
        units.lockTree();
        Unit successor = active(units.findForUpdate(successorId).orElseThrow(() -> notFound(successorId)));
        List<Unit> merged = others("/mergedUnitIds", write.mergedUnitIds(), successor);
        for (Unit unit : merged) {
            if (Arrays.asList(successor.path).contains(unit.id)) {
                throw new ProblemException(ErrorCode.UNIT_CYCLE,
                        Text.of("unit.unitCannotMergeAncestor", unit.id, successor.id));
            }
        }
        Instant at = history.dateChanges(write.effectiveOn(), UnitReorganisations::invalidDay,
                Stream.concat(Stream.of(successor.id), merged.stream().map(u -> u.id)).toList());
        for (Unit unit : merged) {
            dissolutionGuards.forEach(guard -> guard.beforeDissolving(unit.id));
            for (Unit child : units.activeChildren(unit.id)) {
                UnitView before = mapper.toView(child);
                placeUnder(child, successor);
                audit.record("MOVE", UnitService.ENTITY_TYPE, child.id, before, mapper.toView(child));
            }
            UnitView before = mapper.toView(unit);
            unit.status = UnitStatus.DISSOLVED;
            placeUnder(unit, successor);
            history.succeeded(unit.id, successor.id, SuccessionKind.MERGER, at, unit.updatedAt, unit.updatedBy);
            audit.record("MERGE", UnitService.ENTITY_TYPE, unit.id, before, mapper.toView(unit));
        }
        return historyOf(successor.id);
    }

    /** Splits {@code id} into {@code write}'s units, and answers its history. */
    public UnitHistoryView split(UUID id, SplitWrite write) {
        units.lockTree();
        Unit unit = active(units.findForUpdate(id).orElseThrow(() -> notFound(id)));
        List<Unit> successors = others("/successorUnitIds", write.successorUnitIds(), unit);
        long children = units.countActiveChildren(unit.id);
        if (children > 0) {
            throw new ProblemException(ErrorCode.UNIT_HAS_ACTIVE_CHILDREN,
                    Text.of("unit.unitHasActiveSubunitS", id, children)).with("activeChildren", children);
        }
        Instant at = history.dateChanges(write.effectiveOn(), UnitReorganisations::invalidDay, List.of(unit.id));
        dissolutionGuards.forEach(guard -> guard.beforeDissolving(unit.id));
        UnitView before = mapper.toView(unit);
        unit.status = UnitStatus.DISSOLVED;
        audit.stampUpdated(unit);
        units.flush();
        for (Unit successor : successors) {
            history.succeeded(unit.id, successor.id, SuccessionKind.SPLIT, at, unit.updatedAt, unit.updatedBy);
        }
        audit.record("SPLIT", UnitService.ENTITY_TYPE, unit.id, before, mapper.toView(unit));
        return historyOf(unit.id);
    }

    /** The history of a unit the caller may see (404 otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitHistoryView history(UUID id) {
        scope.require(Unit.class, id, CallerScope.UNITS, () -> notFound(id));
        return historyOf(id);
    }

    private UnitHistoryView historyOf(UUID id) {
        List<UnitHistoryView.Version> versions = history.versionsOf(List.of(id)).getOrDefault(id, List.of()).stream()
                .map(v -> new UnitHistoryView.Version(Times.toWire(v.validFrom), Times.toWire(v.validUntil), v.code,
                        v.name, v.type, v.parentId, v.status))
                .toList();
        List<UnitSuccession> successions = history.successionsOf(id);
        return new UnitHistoryView(id, versions,
                successions.stream().filter(s -> s.successorId.equals(id)).map(s -> succession(s, s.predecessorId))
                        .toList(),
                successions.stream().filter(s -> s.predecessorId.equals(id)).map(s -> succession(s, s.successorId))
                        .toList());
    }

    private static UnitHistoryView.Succession succession(UnitSuccession succession, UUID other) {
        return new UnitHistoryView.Succession(other, succession.kind,
                succession.effectiveAt.atZone(Times.ZONE).toLocalDate());
    }

    /** The active units {@code ids} name, none repeated and none of them {@code self}: 400 on {@code field} if not. */
    private List<Unit> others(String field, List<UUID> ids, Unit self) {
        if (new HashSet<>(ids).size() < ids.size()) {
            throw ProblemException.invalidField(field, Text.of("field.unitsRepeated"));
        }
        if (ids.contains(self.id)) {
            throw ProblemException.invalidField(field, Text.of("unit.mergedIntoItself"));
        }
        Map<UUID, Unit> found = units.forUpdate(ids);
        return ids.stream().map(other -> active(found.computeIfAbsent(other, missing -> {
            throw ProblemException.invalidField(field, Text.of("field.unitNotFound"));
        }))).toList();
    }

    private static Unit active(Unit unit) {
        if (unit.status == UnitStatus.DISSOLVED) {
            throw new ProblemException(ErrorCode.UNIT_DISSOLVED, Text.of("unit.unitDissolvedCannotChanged", unit.id));
        }
        return unit;
    }

    /** Moves {@code unit}, with everything below it, under {@code parent}. */
    private void placeUnder(Unit unit, Unit parent) {
        unit.parentId = parent.id;
        unit.path = UnitRepository.pathUnder(parent);
        audit.stampUpdated(unit);
        units.flush();
        units.movePathsBelow(unit, unit.updatedAt, unit.updatedBy);
    }

    private static ProblemException invalidDay(Text problem) {
        return ProblemException.invalidField("/effectiveOn", problem);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("unit", id);
    }
}
