package org.zuofeng.accountability;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.Set;

/**
 * Who reads which accountability cases: admins, the commission and auditors every one; HR the decided and closed
 * ones (their measures are personnel acts); nobody else. The same rule decides which linked cases a case's view
 * shows.
 */
public final class CaseAccess {

    /** Accountability cases (alias {@code e}). */
    public static final ReadRule CASES = ReadRule.of("accountability-case")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> Condition.of("e.status in :accessDecided", "accessDecided",
                    Set.of(CaseStatus.DECIDED, CaseStatus.CLOSED)), Roles.HR)
            .build();

    private CaseAccess() {
    }
}
