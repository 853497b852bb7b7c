package org.zuofeng.finding;

import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;
import org.zuofeng.inspection.InspectionAccess;

/**
 * Who sees which findings: as their inspection lets the caller see it ({@code InspectionAccess}), all of its
 * findings, except that a {@code unit-officer} sees only those about units in their scope.
 */
public final class FindingAccess {

    /** Findings (alias {@code e}). */
    public static final ReadRule FINDINGS = ReadRule.of("finding")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> InspectionAccess.onTeam("e.inspectionId", scope), Roles.INSPECTOR)
            .grant(scope -> InspectionAccess.completed("e.inspectionId"), Roles.HR, Roles.INTEGRATION)
            .grant(scope -> InspectionAccess.revealedToScope("e.inspectionId", "e.unitId in :scopeUnits", scope),
                    Roles.UNIT_OFFICER)
            .build();

    private FindingAccess() {
    }
}
