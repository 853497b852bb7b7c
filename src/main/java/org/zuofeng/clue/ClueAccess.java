package org.zuofeng.clue;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Condition;
import org.zuofeng.common.security.ReadRule;
import org.zuofeng.common.security.Roles;

import java.util.UUID;

/**
 * Who reads which clues: admins and auditors every one (oversight); the commission every one except the clues about a
 * unit where the member holds a post (recusal, as for inspections); nobody else, so a reported unit's officers reach
 * nothing of a clue about them, not even whether it exists.
 */
public final class ClueAccess {

    /** Clues (alias {@code e}). */
    public static final ReadRule CLUES = ReadRule.of("clue")
            .everything(Roles.ADMIN, Roles.AUDITOR)
            .grant(scope -> scope.unitIds().isEmpty() ? Condition.of("e.id is not null")
                    : Condition.of("not exists (select 1 from Clue r join r.unitIds ru where r.id = e.id"
                            + " and ru in :recusedUnits)", "recusedUnits", scope.unitIds()), Roles.COMMISSION)
            .build();

    /**
     * Requests to read a reporter's identity (alias {@code e}): custodians, admins and auditors every one; a
     * commission member their own.
     */
    public static final ReadRule IDENTITY_REQUESTS = ReadRule.of("identity-request")
            .everything(Roles.ADMIN, Roles.AUDITOR, Roles.CUSTODIAN)
            .grant(scope -> Condition.of("e.requestedBy = :requester", "requester", scope.subject()), Roles.COMMISSION)
            .build();

    /** The clue with this id if the caller may read it; else the 404 of a clue that is not there. */
    static Clue readable(CallerScope scope, UUID id) {
        return scope.require(Clue.class, id, CLUES, () -> ProblemException.notFound("clue"));
    }

    private ClueAccess() {
    }
}
