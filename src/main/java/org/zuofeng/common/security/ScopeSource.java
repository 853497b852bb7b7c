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

    /** Every unit where the official holds a post on {@code day}, and every unit below those. */
    Set<UUID> unitsInScope(UUID officialId, LocalDate day);

    /** The official behind an account. */
    record LinkedOfficial(UUID id, String name) {
    }
}
