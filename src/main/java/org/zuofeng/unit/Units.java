package org.zuofeng.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.statistics.Period;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other features ask of the unit tree, and the only way they reach it: no class outside this package reads a
 * {@link Unit} or its table. Rows are answered as {@link UnitRef}s, the tree as id sets or an HQL subquery.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Units {

    private final UnitRepository units;
    private final UnitHistory history;
    private final CallerScope scope;

    public Units(UnitRepository units, UnitHistory history, CallerScope scope) {
        this.units = units;
        this.history = history;
        this.scope = scope;
    }

    /** HQL: the name of the unit whose id is {@code unitIdPath}, as a scalar subquery. */
    public static String nameOf(String unitIdPath) {
        return "(select un.name from Unit un where un.id = " + unitIdPath + ")";
    }

    /**
     * HQL: the name the unit whose id is {@code unitIdPath} had at the instant {@code instantPath} (its name now when
     * that is null), as a scalar subquery: a record shows its unit as it was named on the record's date.
     */
    public static String nameAt(String unitIdPath, String instantPath) {
        return "(select uv.name from UnitVersion uv where uv.unitId = " + unitIdPath + " and (uv.validFrom is null"
                + " or uv.validFrom <= coalesce(" + instantPath + ", uv.validFrom)) and (uv.validUntil is null"
                + " or uv.validUntil > coalesce(" + instantPath + ", uv.validUntil)))";
    }

    /**
     * HQL subquery of the unit bound to parameter {@code :parameter} and every unit below it, for a filter such as
     * {@code e.unitId in <subtreeOf("unitId")>}.
     */
    public static String subtreeOf(String parameter) {
        return "(select u.id from Unit u where u.id = :" + parameter + " or array_contains(u.path, :" + parameter
                + "))";
    }

    /**
     * HQL: the units a period's figures are about, with the parameters of {@link Period#unitParameters()}: its unit,
     * and, when the period includes subunits, the units below it in the tree as it stood at the period's end. A unit
     * merged into another by then counts under its successor; one moved counts under its parent of that day.
     */
    public static String ofPeriod(Period period) {
        return "(select pv.unitId from UnitVersion pv where (pv.validFrom is null or pv.validFrom < :treeAt)"
                + " and (pv.validUntil is null"
                + " or pv.validUntil >= :treeAt) and (pv.unitId = :unitId"
                + (period.includeSubunits() ? " or array_contains(pv.path, :unitId)))" : "))");
    }

    /**
     * HQL: the ids of the units in the subtrees of the roots bound, as a {@code UUID[]}, to {@code rootsParameter}:
     * {@code e.unitId in <subtreesOf("roots")>}. One array parameter, so the SQL is the same for any number of roots.
     */
    public static String subtreesOf(String rootsParameter) {
        return "(select scopeUnit.id from Unit scopeUnit where array_contains(:" + rootsParameter + ", scopeUnit.id)"
                + " or array_overlaps(scopeUnit.path, :" + rootsParameter + "))";
    }

    /**
     * HQL: whether any unit whose id is in the {@code UUID[]} at {@code unitIdsPath} is among a period's units
     * ({@link #ofPeriod}, bound to {@code :unitId}).
     */
    public static String anyOfPeriod(String unitIdsPath, Period period) {
        return "exists (select 1 from Unit pu where pu.id in " + ofPeriod(period) + " and array_contains("
                + unitIdsPath + ", pu.id))";
    }

    /** The unit with this code, whoever asks (codes are public: they name units in published lists). */
    public Optional<UnitRef> findByCode(String code) {
        return units.findByCode(code).map(UnitRef::of);
    }

    public Optional<UnitRef> find(UUID id) {
        return units.findByIdOptional(id).map(UnitRef::of);
    }

    /** The unit, locked against being dissolved until the transaction ends (to place something in it). */
    public Optional<UnitRef> findForShare(UUID id) {
        return units.findForShare(id).map(UnitRef::of);
    }

    /** The unit if the caller may see it ({@link CallerScope#UNITS}); 404 otherwise, as if it did not exist. */
    public UnitRef requireVisible(UUID id) {
        return UnitRef.of(scope.require(Unit.class, id, CallerScope.UNITS, () -> ProblemException.notFound("unit",
                id)));
    }

    /** Those of {@code ids} that are units. */
    public Set<UUID> existing(Collection<UUID> ids) {
        return names(ids).keySet();
    }

    /** The names of these units, by id. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        return units.namesOf(ids);
    }

    /** The names these units had at {@code at}, by id: how a record of that time names them. */
    public Map<UUID, String> namesAt(Collection<UUID> ids, Instant at) {
        UnitNames names = namesOverTime(ids);
        Map<UUID, String> named = new HashMap<>();
        ids.forEach(id -> named.put(id, names.at(id, at)));
        return named;
    }

    /** The names these units had over time, for records of different dates; one query. */
    public UnitNames namesOverTime(Collection<UUID> ids) {
        return new UnitNames(history.versionsOf(Set.copyOf(ids)));
    }

    /** The units {@code roots} and every unit below them. */
    public Set<UUID> subtree(Collection<UUID> roots) {
        return units.subtreeIds(roots);
    }
}
