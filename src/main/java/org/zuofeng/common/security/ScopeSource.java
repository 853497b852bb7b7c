package org.zuofeng.common.security;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where a caller's unit scope comes from: the official linked to the token's subject and the posts that official
 * holds. Implemented by the officials feature; {@link CallerScope} is the one consumer.
 */
public interface ScopeSource {

    /** The official whose {@code accountSubject} is {@code subject}, if any. */
    Optional<LinkedOfficial> linkedOfficial(String subject);

    /** Every unit where the official holds a post on {@code day}: the roots of their scope. */
    Set<UUID> scopeRoots(UUID officialId, LocalDate day);

    /** Every unit in the subtrees of {@code roots}: the roots and every unit below them. */
    Set<UUID> subtrees(Set<UUID> roots);

    /**
     * HQL for the same units, as a subquery over the unit tree for queries: the ids of the units in the subtrees of
     * the roots bound, as an array, to the parameter {@code rootsParameter}. One parameter however large the scope,
     * so the query's SQL is the same for every caller and every scope.
     */
    String subtreesOf(String rootsParameter);

    /** The official behind an account. */
    record LinkedOfficial(UUID id, String name) {
    }
}
