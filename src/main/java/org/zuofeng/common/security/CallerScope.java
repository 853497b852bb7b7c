package org.zuofeng.common.security;

import jakarta.enterprise.context.RequestScoped;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one authorisation scope of the API. A caller whose only reading role is {@code unit-officer} sees the units
 * where their linked official holds a post today, with those units' subtrees, and nothing else; every other role
 * is not restricted by units. Services ask it for single records ({@link #requireUnit}: 404 outside the scope) and
 * add it to lists ({@link #restrictUnits}: out-of-scope rows silently absent).
 */
@RequestScoped
public class CallerScope {

    /** Roles that read across all units (each resource may restrict them further by its own rules). */
    private static final String[] UNRESTRICTED = {Roles.ADMIN, Roles.COMMISSION, Roles.INSPECTOR, Roles.HR,
            Roles.AUDITOR, Roles.INTEGRATION};

    private final Caller caller;
    private final ScopeSource source;
    private final Clock clock;
    private Optional<ScopeSource.LinkedOfficial> linked;
    private Set<UUID> units;

    public CallerScope(Caller caller, ScopeSource source, Clock clock) {
        this.caller = caller;
        this.source = source;
        this.clock = clock;
    }

    /** Whether the caller sees only the units of their scope. */
    public boolean restricted() {
        return caller.hasRole(Roles.UNIT_OFFICER) && !caller.hasAnyRole(UNRESTRICTED);
    }

    /** The official linked to the caller's subject. */
    public Optional<ScopeSource.LinkedOfficial> linkedOfficial() {
        if (linked == null) {
            linked = source.linkedOfficial(caller.subject());
        }
        return linked;
    }

    /** For a restricted caller, every unit in scope (empty without a linked official); else not meaningful. */
    public Set<UUID> unitIds() {
        if (units == null) {
            units = linkedOfficial()
                    .map(official -> source.unitsInScope(official.id(), LocalDate.now(clock)))
                    .orElse(Set.of());
        }
        return units;
    }

    /** Whether the caller may see records of this unit. */
    public boolean includes(UUID unitId) {
        return !restricted() || unitIds().contains(unitId);
    }

    /** Throws the 404 of {@code notFound} when the unit is outside the caller's scope. */
    public void requireUnit(UUID unitId, ProblemException notFound) {
        if (!includes(unitId)) {
            throw notFound;
        }
    }

    /**
     * Restricts a list to rows whose unit, at HQL path {@code unitPath} on alias {@code e}, is in scope; a
     * restricted caller without scope gets an empty list.
     */
    public Filters restrictUnits(Filters filters, String unitPath) {
        return restrict(filters, unitPath + " in :scopeUnits");
    }

    /**
     * Restricts a list by an HQL condition on the scope's units, which it names {@code :scopeUnits}, and on
     * {@code :scopeDay}, the day the scope is taken on (today).
     */
    public Filters restrict(Filters filters, String clause) {
        if (!restricted()) {
            return filters;
        }
        if (unitIds().isEmpty()) {
            return filters.always("1 = 0", Map.of());
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("scopeUnits", unitIds());
        if (clause.contains(":scopeDay")) {
            parameters.put("scopeDay", LocalDate.now(clock));
        }
        return filters.always(clause, parameters);
    }
}
