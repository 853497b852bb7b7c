package org.zuofeng.accountability;

import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

/** Who reads escalations: admins, the commission and auditors, every one; nobody else. */
final class EscalationAccess {

    /** Escalations (alias {@code e}). */
    static final ReadRule ESCALATIONS = ReadRule.of("escalation")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .build();

    /** For the statistics, which every role reads: counts of escalations, nothing of any one. */
    static final ReadRule STATISTICS = ReadRule.of("escalation-count").everything(Roles.ALL.toArray(String[]::new))
            .build();

    private EscalationAccess() {
    }
}
