package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.audit.CovertRecords;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Covert inspections not yet completed, for the audit log's record of who read them. */
@ApplicationScoped
public class CovertInspections implements CovertRecords {

    private final Inspections inspections;

    public CovertInspections(Inspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public String entityType() {
        return InspectionService.ENTITY_TYPE;
    }

    @Override
    public Set<UUID> secretAmong(Collection<UUID> ids) {
        return inspections.secretAmong(ids);
    }
}
