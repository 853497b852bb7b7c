package org.zuofeng.inspection;

import java.util.Set;
import java.util.UUID;

/** An inspection as other features see it: what they check a finding against. */
public record InspectionRef(UUID id, InspectionType type, InspectionStatus status, Set<UUID> targetUnitIds,
        Set<String> team) {

    static InspectionRef of(Inspection inspection) {
        return new InspectionRef(inspection.id, inspection.type, inspection.status,
                Set.copyOf(inspection.targetUnitIds),
                Set.copyOf(inspection.team.stream().map(m -> m.subject).toList()));
    }
}
