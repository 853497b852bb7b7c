package org.zuofeng.inspection;

import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.Map;

/**
 * Who sees which inspections:
 * <ul>
 *   <li>{@code admin}, {@code commission}, {@code auditor}: everything;</li>
 *   <li>{@code inspector}: inspections whose team includes them;</li>
 *   <li>{@code hr}, {@code integration}: completed inspections;</li>
 *   <li>{@code unit-officer}: open inspections and supervision checks targeting units in their scope, covert ones
 *   only once completed.</li>
 * </ul>
 * A caller with several roles sees what any of them shows. What belongs to an inspection (its findings) is seen
 * through it: the conditions below, on an inspection named by an HQL path such as {@code e.inspectionId}, are for
 * the rules of those records, so that they never name an inspection's tables themselves.
 */
public final class InspectionAccess {

    private static final Map<String, Object> NOT_SECRET = Map.of("accessCovert", InspectionType.COVERT,
            "accessCompleted", InspectionStatus.COMPLETED);

    /** Inspections (alias {@code e}). */
    public static final ReadRule INSPECTIONS = ReadRule.of("inspection")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> onTeam("e.id", scope), Roles.INSPECTOR)
            .grant(scope -> Condition.of("e.status = :accessCompleted", "accessCompleted",
                    InspectionStatus.COMPLETED), Roles.HR, Roles.INTEGRATION)
            .grant(scope -> revealedToScope("e.id", null, scope), Roles.UNIT_OFFICER)
            .build();

    /** The caller is on the team of inspection {@code inspectionId}. */
    public static Condition onTeam(String inspectionId, CallerScope scope) {
        return Condition.of(inspectionId
                + " in (select ts.inspectionId from TeamSeat ts where ts.subject = :accessSubject)", "accessSubject",
                scope.subject());
    }

    /** Inspection {@code inspectionId} is completed. */
    public static Condition completed(String inspectionId) {
        return Condition.of("exists (select 1 from Inspection cx where cx.id = " + inspectionId
                + " and cx.status = :accessCompleted)", "accessCompleted", InspectionStatus.COMPLETED);
    }

    /**
     * Inspection {@code inspectionId} targets a unit in the caller's unit scope and is no secret (not covert, or
     * completed); and {@code also} holds, when given (it may name {@code :scopeUnits}).
     */
    public static Condition revealedToScope(String inspectionId, String also, CallerScope scope) {
        return scope.withinScope((also == null ? "" : also + " and ")
                + "exists (select 1 from Inspection sx join sx.targetUnitIds st where sx.id = " + inspectionId
                + " and st in :scopeUnits and (sx.type <> :accessCovert or sx.status = :accessCompleted))",
                NOT_SECRET);
    }

    private InspectionAccess() {
    }
}
