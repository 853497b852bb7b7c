package org.zuofeng.evidence;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

/**
 * Which evidence a caller reads, besides seeing what it backs ({@link EvidenceHolder}): withdrawn evidence only
 * admins and auditors, active evidence everyone who sees its owner.
 */
public final class EvidenceAccess {

    /** Evidence (alias {@code e}). */
    public static final ReadRule EVIDENCE = ReadRule.of("evidence")
            .everything(Roles.ADMIN, Roles.AUDITOR)
            .grant(scope -> Condition.of("e.status = :accessActive", "accessActive", EvidenceStatus.ACTIVE),
                    Roles.COMMISSION, Roles.INSPECTOR, Roles.HR, Roles.UNIT_OFFICER, Roles.INTEGRATION)
            .build();

    private EvidenceAccess() {
    }
}
