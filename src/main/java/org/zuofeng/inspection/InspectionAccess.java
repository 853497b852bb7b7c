package org.zuofeng.inspection;

import jakarta.enterprise.context.RequestScoped;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who sees which inspections and findings, as one rule applied alike to single reads (in Java) and to lists and
 * counts (as HQL):
 * <ul>
 *   <li>{@code admin}, {@code commission}, {@code auditor}: everything;</li>
 *   <li>{@code inspector}: inspections whose team includes them, with all their findings;</li>
 *   <li>{@code hr}, {@code integration}: completed inspections, with all their findings;</li>
 *   <li>{@code unit-officer}: open inspections and supervision checks targeting units in their scope, covert ones
 *   only once completed, and of their findings only those about units in scope.</li>
 * </ul>
 * A caller with several roles sees what any of them shows.
 */
@RequestScoped
public class InspectionAccess {

    /** How much of an inspection the caller sees. */
    public enum Level {
        NONE,
        /** The inspection and its findings about units in the caller's scope. */
        SCOPED,
        /** The inspection and all its findings. */
        FULL
    }

    private final Caller caller;
    private final CallerScope scope;

    public InspectionAccess(Caller caller, CallerScope scope) {
        this.caller = caller;
        this.scope = scope;
    }

    public Level level(Inspection inspection) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
                || caller.hasRole(Roles.INSPECTOR) && inspection.hasMember(caller.subject())
                || caller.hasAnyRole(Roles.HR, Roles.INTEGRATION) && inspection.status == InspectionStatus.COMPLETED) {
            return Level.FULL;
        }
        if (caller.hasRole(Roles.UNIT_OFFICER) && !inspection.secret()
                && inspection.targetUnitIds.stream().anyMatch(scope.unitIds()::contains)) {
            return Level.SCOPED;
        }
        return Level.NONE;
    }

    public boolean canSee(Inspection inspection) {
        return level(inspection) != Level.NONE;
    }

    /** Whether the caller sees a finding about {@code unitId} of this inspection. */
    public boolean canSeeFinding(Inspection inspection, UUID unitId) {
        Level level = level(inspection);
        return level == Level.FULL || level == Level.SCOPED && scope.unitIds().contains(unitId);
    }

    /** An HQL condition with its parameters. */
    public record Condition(String hql, Map<String, Object> parameters) {
    }

    /** The inspections (alias {@code i}) the caller sees; null when they see all. */
    public Condition inspections(String i) {
        return visible(i, null);
    }

    /** The findings (alias {@code f}, with their inspection at alias {@code i}) the caller sees; null: all. */
    public Condition findings(String i, String f) {
        return visible(i, f);
    }

    private Condition visible(String i, String f) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)) {
            return null;
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (caller.hasRole(Roles.INSPECTOR)) {
            any.add("exists (select 1 from Inspection tx join tx.team tm where tx.id = " + i
                    + ".id and tm.subject = :accessSubject)");
            parameters.put("accessSubject", caller.subject());
        }
        if (caller.hasAnyRole(Roles.HR, Roles.INTEGRATION)) {
            any.add(i + ".status = :accessCompleted");
            parameters.put("accessCompleted", InspectionStatus.COMPLETED);
        }
        if (caller.hasRole(Roles.UNIT_OFFICER) && !scope.unitIds().isEmpty()) {
            any.add("((" + i + ".type <> :accessCovert or " + i + ".status = :accessCompleted)"
                    + " and exists (select 1 from Inspection sx join sx.targetUnitIds st where sx.id = " + i
                    + ".id and st in :accessUnits)"
                    + (f == null ? "" : " and " + f + ".unitId in :accessUnits") + ")");
            parameters.put("accessCovert", InspectionType.COVERT);
            parameters.put("accessCompleted", InspectionStatus.COMPLETED);
            parameters.put("accessUnits", scope.unitIds());
        }
        if (any.isEmpty()) {
            return new Condition("1 = 0", Map.of());
        }
        return new Condition("(" + String.join(" or ", any) + ")", parameters);
    }
}
