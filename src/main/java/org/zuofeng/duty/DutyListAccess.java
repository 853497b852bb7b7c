package org.zuofeng.duty;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

/** Who reads which versions: those who draft and publish them read drafts too; everyone reads published ones. */
final class DutyListAccess {

    static final ReadRule LISTS = ReadRule.of("duty-list")
            .everything(Roles.ADMIN, Roles.HR, Roles.COMMISSION)
            .grant(scope -> Condition.of("e.status = :accessPublished", "accessPublished", DutyListStatus.PUBLISHED),
                    Roles.INSPECTOR, Roles.UNIT_OFFICER, Roles.AUDITOR, Roles.INTEGRATION)
            .build();

    private DutyListAccess() {
    }
}
