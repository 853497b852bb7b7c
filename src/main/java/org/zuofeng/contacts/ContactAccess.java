package org.zuofeng.contacts;

import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

/**
 * Who reads which declarations: admins, the commission, auditors and HR every one; a unit officer those of officials
 * whose post that day was in the units of their scope; an official their own; nobody else (inspectors and machine
 * clients are refused the register).
 */
public final class ContactAccess {

    /** Declarations (alias {@code e}). */
    public static final ReadRule CONTACTS = ReadRule.of("business-contact")
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR, Roles.HR)
            .grant(scope -> scope.withinScope("e.unitId in :scopeUnits"), Roles.UNIT_OFFICER)
            .grant(ContactAccess::own, Roles.OFFICIAL)
            .build();

    private static Condition own(CallerScope scope) {
        return scope.linkedOfficial().map(official -> Condition.of("e.officialId = :self", "self", official.id()))
                .orElse(Condition.NOTHING);
    }

    private ContactAccess() {
    }
}
