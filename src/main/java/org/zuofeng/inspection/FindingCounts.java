package org.zuofeng.inspection;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many findings of each inspection the caller may see, for the inspection's view. Implemented by the finding
 * feature (which depends on this one, not the other way round).
 */
public interface FindingCounts {

    /** The count by inspection id; an inspection without visible findings may be left out. */
    Map<UUID, Long> visibleOf(Collection<UUID> inspectionIds);
}
