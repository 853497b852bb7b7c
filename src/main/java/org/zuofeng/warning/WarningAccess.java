package org.zuofeng.warning;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.Map;

/**
 * Who reads what of warning education: drafts of typical cases, admins, the commission and auditors; published ones,
 * every role. Sessions: a unit officer those of their units, every other role all.
 */
final class WarningAccess {

    /** Typical cases (alias {@code e}). */
    static final ReadRule TYPICAL_CASES = ReadRule.of("typical-case")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> Condition.of("e.status = :published", Map.of("published", TypicalCaseStatus.PUBLISHED)),
                    Roles.HR, Roles.INSPECTOR, Roles.UNIT_OFFICER, Roles.INTEGRATION)
            .build();

    /** Warning-education sessions (alias {@code e}). */
    static final ReadRule SESSIONS = ReadRule.of("warning-session")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR, Roles.HR, Roles.INSPECTOR, Roles.INTEGRATION)
            .grant(scope -> scope.withinScope("e.unitId in :scopeUnits"), Roles.UNIT_OFFICER)
            .build();

    private WarningAccess() {
    }
}
