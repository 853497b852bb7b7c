package org.zuofeng.common.changelog;

import java.util.UUID;

/** One row of the change log: record {@code entityId} of kind {@code entity} changed in transaction {@code xid}. */
public record Change(long xid, long position, String entity, UUID entityId) {

    public ChangePosition after() {
        return new ChangePosition(xid, position);
    }
}
