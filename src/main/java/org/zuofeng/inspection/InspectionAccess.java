package org.zuofeng.inspection;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.Map;

/**
 * Who sees which inspections and findings:
 * <ul>
 *   <li>{@code admin}, {@code commission}, {@code auditor}: everything;</li>
 *   <li>{@code inspector}: inspections whose team includes them, with all their findings;</li>
 *   <li>{@code hr}, {@code integration}: completed inspections, with all their findings;</li>
 *   <li>{@code unit-officer}: open inspections and supervision checks targeting units in their scope, covert ones
 *   only once completed, and of their findings only those about units in scope.</li>
 * </ul>
 * A caller with several roles sees what any of them shows.
 */
public final class InspectionAccess {

    private static final Map<String, Object> NOT_SECRET = Map.of("accessCovert", InspectionType.COVERT,
            "accessCompleted", InspectionStatus.COMPLETED);

    /** Inspections (alias {@code e}). */
    public static final ReadRule INSPECTIONS = ReadRule.of("inspection")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> Condition.of("exists (select 1 from Inspection tx join tx.team tm where tx.id = e.id"
                    + " and tm.subject = :accessSubject)", "accessSubject", scope.subject()), Roles.INSPECTOR)
            .grant(scope -> Condition.of("e.status = :accessCompleted", "accessCompleted",
                    InspectionStatus.COMPLETED), Roles.HR, Roles.INTEGRATION)
            .grant(scope -> scope.withinScope("(e.type <> :accessCovert or e.status = :accessCompleted)"
                    + " and exists (select 1 from Inspection sx join sx.targetUnitIds st where sx.id = e.id"
                    + " and st in :scopeUnits)", NOT_SECRET), Roles.UNIT_OFFICER)
            .build();

    /** Findings (alias {@code e}), as their inspection lets the caller see them. */
    public static final ReadRule FINDINGS = ReadRule.of("finding")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> Condition.of("exists (select 1 from Inspection tx join tx.team tm"
                    + " where tx.id = e.inspectionId and tm.subject = :accessSubject)", "accessSubject",
                    scope.subject()), Roles.INSPECTOR)
            .grant(scope -> Condition.of("exists (select 1 from Inspection cx where cx.id = e.inspectionId"
                    + " and cx.status = :accessCompleted)", "accessCompleted", InspectionStatus.COMPLETED),
                    Roles.HR, Roles.INTEGRATION)
            .grant(scope -> scope.withinScope("e.unitId in :scopeUnits and exists (select 1 from Inspection sx"
                    + " join sx.targetUnitIds st where sx.id = e.inspectionId and st in :scopeUnits"
                    + " and (sx.type <> :accessCovert or sx.status = :accessCompleted))", NOT_SECRET),
                    Roles.UNIT_OFFICER)
            .build();

    private InspectionAccess() {
    }
}
