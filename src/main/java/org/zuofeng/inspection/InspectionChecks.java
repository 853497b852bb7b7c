package org.zuofeng.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.Roles;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.UnitRef;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of planning and running an inspection: who plans which kind, who starts, completes and cancels it, and
 * what makes a plan sound (one lead, active targets, and no team member who holds a post in a target unit).
 */
@ApplicationScoped
class InspectionChecks {

    private final Inspections inspections;
    private final Units units;
    private final Officials officials;
    private final Caller caller;
    private final Clock clock;

    InspectionChecks(Inspections inspections, Units units, Officials officials, Caller caller, Clock clock) {
        this.inspections = inspections;
        this.units = units;
        this.officials = officials;
        this.caller = caller;
        this.clock = clock;
    }

    /** Whether the caller is on the inspection's team ({@link Inspections#onTeam}). */
    boolean onTeam(Inspection inspection) {
        return inspections.onTeam(InspectionRef.of(inspection));
    }

    /** The commission plans every kind; an inspector only spot checks they lead themselves. */
    void requireMayCreate(InspectionWrite write) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION)) {
            return;
        }
        if (write.type() == InspectionType.COVERT) {
            throw new ProblemException(ErrorCode.FORBIDDEN, Text.of("inspection.commissionPlansCovertInspections"));
        }
        boolean leads = write.team().stream().anyMatch(m -> m.lead() && m.subject().equals(caller.subject()));
        if (!leads) {
            throw new ProblemException(ErrorCode.FORBIDDEN,
                    Text.of("inspection.inspectorCreatesSpotChecksThey"));
        }
    }

    /** The commission cancels; the team starts and completes. */
    void requireMayStep(Inspection inspection, InspectionStatus to) {
        boolean allowed = to == InspectionStatus.CANCELLED
                ? caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION)
                : onTeam(inspection);
        if (!allowed) {
            throw new ProblemException(ErrorCode.FORBIDDEN, to == InspectionStatus.CANCELLED
                    ? Text.of("inspection.commissionCancels") : Text.of("inspection.teamStartsAndCompletes"));
        }
    }

    /** A sound plan: dates in order, one lead, no repeats, active targets, and the team recused where it must be. */
    void validate(InspectionWrite write) {
        List<FieldError> errors = new ArrayList<>();
        if (write.plannedEnd().isBefore(write.plannedStart())) {
            errors.add(FieldError.atPointer("/plannedEnd", Text.of("field.beforePlannedStart")));
        }
        if (write.team().stream().filter(InspectionWrite.Member::lead).count() != 1) {
            errors.add(FieldError.atPointer("/team", Text.of("field.exactlyOneMemberLead")));
        }
        if (new HashSet<>(write.team().stream().map(InspectionWrite.Member::subject).toList()).size()
                != write.team().size()) {
            errors.add(FieldError.atPointer("/team", Text.of("field.eachMemberMayAppearOnce")));
        }
        if (new HashSet<>(write.targetUnitIds()).size() != write.targetUnitIds().size()) {
            errors.add(FieldError.atPointer("/targetUnitIds", Text.of("field.eachUnitMayAppearOnce")));
        }
        Map<UUID, UnitRef> targets = new LinkedHashMap<>();
        for (int n = 0; n < write.targetUnitIds().size(); n++) {
            UUID unitId = write.targetUnitIds().get(n);
            var unit = units.find(unitId);
            if (unit.isEmpty()) {
                errors.add(FieldError.atPointer("/targetUnitIds/" + n, Text.of("field.unitNotFound")));
            } else {
                targets.put(unitId, unit.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        targets.values().stream().filter(u -> !u.active()).findFirst().ifPresent(u -> {
            throw new ProblemException(ErrorCode.UNIT_DISSOLVED, Text.of("inspection.targetUnitDissolved", u.id()));
        });
        List<String> recused = officials.subjectsInPostIn(write.team().stream()
                .map(InspectionWrite.Member::subject).toList(), units.subtree(targets.keySet()), LocalDate.now(clock));
        if (!recused.isEmpty()) {
            throw new ProblemException(ErrorCode.RECUSAL_REQUIRED, Text.of("inspection.teamMemberSHoldPost",
                    String.join(", ", recused)))
                    .with("subjects", recused);
        }
    }
}
