package org.zuofeng.common.audit;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A feature's answer to which of its records are secret now (those of a covert inspection not yet completed), so
 * that reading their before and after images in the audit log is on record as a read of them, like any other read.
 */
public interface CovertRecords {

    /** The entity type of the records, as the audit log names it. */
    String entityType();

    /** Those of {@code ids} that are secret now. */
    Set<UUID> secretAmong(Collection<UUID> ids);
}
