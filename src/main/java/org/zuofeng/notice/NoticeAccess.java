package org.zuofeng.notice;

import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.Map;

/**
 * Who reads which notices: admins, the commission and auditors every one, drafts included; HR and machine clients
 * issued ones; a unit officer issued notices addressed to a unit of their scope. A deleted draft exists for nobody.
 */
public final class NoticeAccess {

    /** Supervision notices (alias {@code e}). */
    public static final ReadRule NOTICES = ReadRule.of("supervision-notice")
            .existing(Condition.of("e.deletedAt is null"))
            .everything(Roles.ADMIN, Roles.COMMISSION, Roles.AUDITOR)
            .grant(scope -> Condition.of("e.status <> :accessDraft", "accessDraft", NoticeStatus.DRAFT),
                    Roles.HR, Roles.INTEGRATION)
            .grant(scope -> scope.withinScope("e.status <> :accessDraft and exists (select 1 from SupervisionNotice"
                    + " sx join sx.addresseeUnitIds su where sx.id = e.id and su in :scopeUnits)",
                    Map.of("accessDraft", NoticeStatus.DRAFT)), Roles.UNIT_OFFICER)
            .build();

    private NoticeAccess() {
    }
}
