package org.zuofeng.official;

import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

/**
 * Who reads which officials and posts. Every role reads every official and post but a unit officer, who reads the
 * officials holding a post in their scope today, and of anyone's posts only those in units of their scope (so an
 * official in scope does not reveal the units outside it they also serve in).
 */
public final class OfficialAccess {

    private static final String[] UNRESTRICTED = {Roles.ADMIN, Roles.COMMISSION, Roles.INSPECTOR, Roles.HR,
            Roles.AUDITOR, Roles.INTEGRATION};

    /** Officials (alias {@code e}). */
    public static final ReadRule OFFICIALS = ReadRule.of("official")
            .everything(UNRESTRICTED)
            .grant(scope -> scope.withinScope("exists (select 1 from Post sp where sp.officialId = e.id"
                    + " and sp.unitId in :scopeUnits and sp.startDate <= :scopeDay"
                    + " and (sp.endDate is null or sp.endDate >= :scopeDay))"), Roles.UNIT_OFFICER)
            .build();

    /** Posts (alias {@code e}). */
    public static final ReadRule POSTS = ReadRule.of("post")
            .everything(UNRESTRICTED)
            .grant(scope -> scope.withinScope("e.unitId in :scopeUnits"), Roles.UNIT_OFFICER)
            .build();

    private OfficialAccess() {
    }
}
