package org.zuofeng.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.zuofeng.common.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one authorisation scope of the API: what the caller may read, by {@link ReadRule}, for every kind of record and
 * through every channel alike. A caller holding several roles gets the broadest rights of its roles: the union of
 * what each of them may read. Lists and counts add the rule's condition to their query ({@link #readable}); single
 * reads find the record through the same condition ({@link #require}: 404 outside it), so the two never disagree.
 * <p>
 * A {@code unit-officer}'s grants are bounded by their unit scope: the units where the official linked to their
 * subject holds a post today, with those units' subtrees (nothing without a linked official).
 */
@RequestScoped
public class CallerScope {

    /** The unit tree: every role reads every unit but a unit officer, who reads the units of their scope. */
    public static final ReadRule UNITS = ReadRule.of("unit")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.INSPECTOR, Roles.HR, Roles.AUDITOR, Roles.INTEGRATION)
            .grant(scope -> scope.withinScope("e.id in :scopeUnits"), Roles.UNIT_OFFICER)
            .build();

    private final Caller caller;
    private final ScopeSource source;
    private final EntityManager em;
    private final Clock clock;
    private final Map<ReadRule, Optional<Condition>> conditions = new HashMap<>();
    private Optional<ScopeSource.LinkedOfficial> linked;
    private Set<UUID> roots;
    private Set<UUID> units;

    public CallerScope(Caller caller, ScopeSource source, EntityManager em, Clock clock) {
        this.caller = caller;
        this.source = source;
        this.em = em;
        this.clock = clock;
    }

    /** The condition selecting what the caller may read under {@code rule}; empty when they read everything. */
    public Optional<Condition> readable(ReadRule rule) {
        return conditions.computeIfAbsent(rule, r -> Optional.ofNullable(r.readableBy(caller.roles(), this)));
    }

    /** The record with this id, if it exists and the caller may read it under {@code rule}. */
    public <E> Optional<E> find(Class<E> type, UUID id, ReadRule rule) {
        Optional<Condition> condition = readable(rule);
        TypedQuery<E> query = em.createQuery("select e from " + entityName(type) + " e where e.id = :readId"
                + condition.map(c -> " and (" + c.hql() + ")").orElse(""), type).setParameter("readId", id);
        condition.ifPresent(c -> c.parameters().forEach(query::setParameter));
        return query.getResultStream().findFirst();
    }

    /** The record with this id if the caller may read it; {@code notFound} (a 404) otherwise, as if it did not exist. */
    public <E> E require(Class<E> type, UUID id, ReadRule rule, Supplier<ProblemException> notFound) {
        return find(type, id, rule).orElseThrow(notFound);
    }

    /** Those of {@code ids} (of records that exist) the caller may read under {@code rule}. */
    public Set<UUID> readableIds(Class<?> type, Collection<UUID> ids, ReadRule rule) {
        Optional<Condition> condition = readable(rule);
        if (ids.isEmpty() || condition.isEmpty()) {
            return Set.copyOf(ids);
        }
        TypedQuery<UUID> query = em.createQuery("select e.id from " + entityName(type) + " e where e.id in :readIds"
                + condition.map(c -> " and (" + c.hql() + ")").orElse(""), UUID.class).setParameter("readIds", ids);
        condition.ifPresent(c -> c.parameters().forEach(query::setParameter));
        return Set.copyOf(query.getResultList());
    }

    /**
     * A grant bounded by the unit scope: {@code hql} names the scope's units {@code :scopeUnits} and may name the day
     * the scope is taken on (today) {@code :scopeDay}; holds for nothing while the scope is empty.
     */
    public Condition withinScope(String hql) {
        return withinScope(hql, Map.of());
    }

    /** {@link #withinScope(String)} for a condition that names other {@code parameters} too. */
    public Condition withinScope(String hql, Map<String, Object> parameters) {
        if (roots().isEmpty()) {
            return Condition.NOTHING;
        }
        Map<String, Object> all = new HashMap<>(parameters);
        // The scope as a subquery over the unit tree from its roots, not its units bound one by one: the same SQL
        // for every officer, which Hibernate translates once, and a join PostgreSQL plans on the unit path.
        hql = hql.replace(":scopeUnits", source.subtreesOf("scopeRoots"));
        all.put("scopeRoots", roots().toArray(UUID[]::new));
        if (hql.contains(":scopeDay")) {
            all.put("scopeDay", today());
        }
        return Condition.of(hql, all);
    }

    /** The caller's subject, for grants that depend on who they are (an inspector's own inspections). */
    public String subject() {
        return caller.subject();
    }

    /** The official linked to the caller's subject. */
    public Optional<ScopeSource.LinkedOfficial> linkedOfficial() {
        if (linked == null) {
            linked = source.linkedOfficial(caller.subject());
        }
        return linked;
    }

    /** The units of the caller's unit scope (empty without a linked official), whatever their other roles. */
    public Set<UUID> unitIds() {
        if (units == null) {
            units = roots().isEmpty() ? Set.of() : source.subtrees(roots());
        }
        return units;
    }

    /** The units where the caller's linked official holds a post today: the roots of the unit scope. */
    private Set<UUID> roots() {
        if (roots == null) {
            roots = linkedOfficial().map(official -> source.scopeRoots(official.id(), today())).orElse(Set.of());
        }
        return roots;
    }

    /** Whether {@code unitId} is in the caller's unit scope (for acting as an officer of a unit, not for reading). */
    public boolean inScope(UUID unitId) {
        return unitIds().contains(unitId);
    }

    /** Whether any of {@code unitIds} is in the caller's unit scope. */
    public boolean anyInScope(Collection<UUID> unitIds) {
        return unitIds.stream().anyMatch(unitIds()::contains);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String entityName(Class<?> type) {
        return em.getMetamodel().entity(type).getName();
    }
}
