package org.zuofeng.assessment;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.Map;

/**
 * Who reads which assessments: HR (who write them), admins, the commission and auditors every one; machine clients
 * final results; a unit officer the final results of units in their scope.
 */
public final class AssessmentAccess {

    /** Assessments (alias {@code e}). */
    public static final ReadRule ASSESSMENTS = ReadRule.of("assessment")
            .everything(Roles.ADMIN, Roles.HR, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> Condition.of("e.status = :accessFinal", "accessFinal", AssessmentStatus.FINAL),
                    Roles.INTEGRATION)
            .grant(scope -> scope.withinScope("e.status = :accessFinal and e.unitId in :scopeUnits",
                    Map.of("accessFinal", AssessmentStatus.FINAL)), Roles.UNIT_OFFICER)
            .build();

    private AssessmentAccess() {
    }
}
