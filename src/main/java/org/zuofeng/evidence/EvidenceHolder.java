package org.zuofeng.evidence;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A kind of record that evidence can back (a finding, a whole inspection, a unit's response to a notice), as the
 * owning feature answers for it: who may see its evidence, who may add to it and when, and whether reading it now
 * is a read of something still secret. Evidence itself knows none of these features.
 */
public interface EvidenceHolder {

    /** The holder's kind, as in {@link EvidenceService.Owner#kind()}. */
    String kind();

    /** 404 unless the caller may see the record and its evidence. */
    void requireVisible(UUID id);

    /** Those of these records the caller may see, with their evidence (one query, for a page of evidence). */
    Set<UUID> visibleAmong(Collection<UUID> ids);

    /** 403, 404 or 409 unless the caller may add evidence to the record now. */
    void requireMayAdd(UUID id);

    /** Those of these records that belong to a covert inspection not yet completed (their reads go on record). */
    Set<UUID> secretAmong(Collection<UUID> ids);

    /** The covert inspection, not yet completed, that holds back what is published of the record's evidence. */
    default Optional<UUID> heldBackBy(UUID id) {
        return Optional.empty();
    }
}
