package org.zuofeng.finding;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.time.Times;
import org.zuofeng.inspection.InspectionRef;
import org.zuofeng.inspection.InspectionStatus;
import org.zuofeng.inspection.Inspections;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a finding is recorded under: by the team while the inspection runs, about a unit the inspection
 * targets (or one below), naming officials who held a post there on the day observed.
 */
@ApplicationScoped
class FindingChecks {

    /** Clocks of field devices drift; an observation may lie this far in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Inspections inspections;
    private final Units units;
    private final Officials officials;
    private final Clock clock;

    FindingChecks(Inspections inspections, Units units, Officials officials, Clock clock) {
        this.inspections = inspections;
        this.units = units;
        this.officials = officials;
        this.clock = clock;
    }

    void requireTeamWhileInProgress(InspectionRef inspection) {
        if (!inspections.onTeam(inspection)) {
            throw new ProblemException(ErrorCode.FORBIDDEN,
                    Text.of("finding.inspectionTeamRecordsCorrectsFindings"));
        }
        if (inspection.status() != InspectionStatus.IN_PROGRESS) {
            throw new ProblemException(ErrorCode.INSPECTION_NOT_IN_PROGRESS,
                    Text.of("finding.inspectionNotInProgress", inspection.id(), inspection.status()));
        }
    }

    /** The unit subtrees that checks of one batch of findings looked up, so that each is looked up once. */
    static final class Subtrees {

        private final Map<Set<UUID>, Set<UUID>> byRoots = new HashMap<>();
    }

    /** The unit is a target or below one; each official held a post there (or below) on the day observed. */
    void validate(InspectionRef inspection, FindingWrite write) {
        validate(inspection, write, new Subtrees());
    }

    /** {@link #validate(InspectionRef, FindingWrite)}, for one finding of a batch that shares {@code seen}. */
    void validate(InspectionRef inspection, FindingWrite write, Subtrees seen) {
        List<FieldError> errors = new ArrayList<>();
        if (write.observedAt().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(FieldError.atPointer("/observedAt", Text.of("field.notFuture")));
        }
        Set<UUID> targetTree = subtree(inspection.targetUnitIds(), seen);
        if (!targetTree.contains(write.unitId())) {
            errors.add(new FieldError("/unitId", null, Text.of("field.notInspected"),
                    "UNIT_NOT_INSPECTED"));
        } else {
            Set<UUID> unitTree = subtree(Set.of(write.unitId()), seen);
            LocalDate day = write.observedAt().atZoneSameInstant(Times.ZONE).toLocalDate();
            Set<UUID> known = officials.existing(write.officials());
            Set<UUID> inPost = officials.inPostIn(write.officials(), unitTree, day);
            for (int n = 0; n < write.officials().size(); n++) {
                UUID official = write.officials().get(n);
                if (!known.contains(official)) {
                    errors.add(new FieldError("/officialIds/" + n, null, Text.of("field.officialNotFound"),
                            "OFFICIAL_NOT_FOUND"));
                } else if (!inPost.contains(official)) {
                    errors.add(new FieldError("/officialIds/" + n, null,
                            Text.of("field.noPostOnDayObserved"), "OFFICIAL_NOT_IN_UNIT"));
                }
            }
        }
        if (new HashSet<>(write.officials()).size() != write.officials().size()) {
            errors.add(FieldError.atPointer("/officialIds", Text.of("field.eachOfficialMayAppearOnce")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Set<UUID> subtree(Set<UUID> roots, Subtrees seen) {
        return seen.byRoots.computeIfAbsent(roots, units::subtree);
    }
}
