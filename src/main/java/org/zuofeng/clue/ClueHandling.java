package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.accountability.CaseService;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.WorkingDays;
import org.zuofeng.inspection.Inspections;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Handling a clue by the four ways of the rules: a member proposes one with reasons, a different member approves
 * or refuses it (four eyes; the database refuses a proposer's approval too), and the handling is concluded with what
 * it found and what follows it. Each step is on the audit record.
 */
@ApplicationScoped
@Transactional
public class ClueHandling {

    /** Where a new way may be proposed: a clue not yet handled, or one held for later. */
    private static final Set<ClueStatus> PROPOSABLE = EnumSet.of(ClueStatus.REGISTERED, ClueStatus.HELD);

    private final EntityManager em;
    private final AuditTrail audit;
    private final CallerScope scope;
    private final Caller caller;
    private final ClueViews views;
    private final Inspections inspections;
    private final CaseService cases;
    private final WorkingDays workingDays;
    private final ClueConfig config;
    private final Clock clock;

    ClueHandling(EntityManager em, AuditTrail audit, CallerScope scope, Caller caller, ClueViews views,
            Inspections inspections, CaseService cases, WorkingDays workingDays, ClueConfig config, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.scope = scope;
        this.caller = caller;
        this.views = views;
        this.inspections = inspections;
        this.cases = cases;
        this.workingDays = workingDays;
        this.config = config;
        this.clock = clock;
    }

    /** Proposes a way of handling a registered or held clue. */
    public ClueView propose(UUID id, IfMatch ifMatch, ProposalWrite write) {
        Clue clue = visible(id, ifMatch);
        if (!PROPOSABLE.contains(clue.status)) {
            throw notNow(clue, "clue.proposableOnlyRegisteredOrHeld");
        }
        ClueView before = views.of(clue);
        clue.status = ClueStatus.PROPOSED;
        clue.way = write.way();
        clue.proposalReason = write.reason().strip();
        clue.proposedBy = caller.subject();
        clue.proposedAt = clock.instant();
        if (clue.proposedOn == null) {
            clue.proposedOn = LocalDate.now(clock);
        }
        clue.approvedBy = null;
        clue.approvalReason = null;
        clue.approvedAt = null;
        return changed("PROPOSE", clue, before);
    }

    /**
     * Approves or refuses the proposal, by a member other than its proposer. Approved, the clue moves as its way says
     * (in handling, held, or closed); refused, it goes back to be proposed anew, the refusal on record.
     */
    public ClueView decide(UUID id, IfMatch ifMatch, ApprovalWrite write) {
        Clue clue = visible(id, ifMatch);
        if (clue.status != ClueStatus.PROPOSED) {
            throw notNow(clue, "clue.decidableOnlyProposed");
        }
        caller.requireSecondPerson(Text.of("clue.proposerCannotApprove"), clue.proposedBy);
        ClueView before = views.of(clue);
        if (write.approve()) {
            clue.status = clue.way.approved();
            clue.approvedBy = caller.subject();
            clue.approvalReason = write.reason().strip();
            clue.approvedAt = clock.instant();
            if (clue.status == ClueStatus.CONCLUDED) {
                concluded(clue);
            }
            return changed("APPROVE", clue, before);
        }
        clue.status = ClueStatus.REGISTERED;
        clue.way = null;
        clue.proposalReason = null;
        clue.proposedBy = null;
        clue.proposedAt = null;
        return changed("REFUSE", clue, before);
    }

    /** Concludes the handling of a clue in handling: the outcome, and the inspection or case that follows it. */
    public ClueView conclude(UUID id, IfMatch ifMatch, ConclusionWrite write) {
        Clue clue = visible(id, ifMatch);
        if (clue.status != ClueStatus.IN_HANDLING) {
            throw notNow(clue, "clue.concludableOnlyInHandling");
        }
        requireFollowUps(write);
        ClueView before = views.of(clue);
        clue.status = ClueStatus.CONCLUDED;
        clue.outcome = write.outcome();
        clue.conclusion = write.conclusion().strip();
        concluded(clue);
        clue.inspectionId = write.inspectionId();
        clue.caseId = write.caseId();
        return changed("CONCLUDE", clue, before);
    }

    /** Records the day a real-name reporter was told of the acceptance, or of the result once concluded. */
    public ClueView told(UUID id, IfMatch ifMatch, ToldWrite write) {
        Clue clue = visible(id, ifMatch);
        if (!realName(clue)) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.noRealNameReporter"));
        }
        if (write.about() == ReporterTold.RESULT && clue.status != ClueStatus.CONCLUDED) {
            throw notNow(clue, "clue.resultToldOnlyConcluded");
        }
        if (write.toldOn().isBefore(clue.receivedOn)) {
            throw ProblemException.invalidField("/toldOn", Text.of("clue.toldBeforeReceipt", clue.receivedOn));
        }
        ClueView before = views.of(clue);
        if (write.about() == ReporterTold.ACCEPTANCE) {
            clue.acceptanceToldOn = write.toldOn();
        } else {
            clue.resultToldOn = write.toldOn();
        }
        return changed("TELL_REPORTER", clue, before);
    }

    /** Concluded today; a real-name reporter is to be told of the result within the working days of the rules. */
    private void concluded(Clue clue) {
        clue.concludedOn = LocalDate.now(clock);
        if (realName(clue)) {
            clue.resultDue = workingDays.after(clue.concludedOn, config.reporterToldWithin());
        }
    }

    private boolean realName(Clue clue) {
        return clue.reportId != null && em.find(PublicReport.class, clue.reportId).realName;
    }

    private Clue visible(UUID id, IfMatch ifMatch) {
        Clue clue = ClueAccess.readable(scope, id);
        ifMatch.check(clue.version);
        return clue;
    }

    private ClueView changed(String action, Clue clue, ClueView before) {
        audit.stampUpdated(clue);
        em.flush();
        ClueView after = views.of(clue);
        audit.record(action, ClueService.ENTITY_TYPE, clue.id, before, after);
        return after;
    }

    private void requireFollowUps(ConclusionWrite write) {
        List<FieldError> errors = new ArrayList<>();
        if (write.inspectionId() != null) {
            try {
                inspections.requireVisible(write.inspectionId());
            } catch (ProblemException e) {
                errors.add(FieldError.atPointer("/inspectionId", Text.of("clue.noSuchInspection")));
            }
        }
        if (write.caseId() != null && cases.visibleAmong(List.of(write.caseId())).isEmpty()) {
            errors.add(FieldError.atPointer("/caseId", Text.of("clue.noSuchCase")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static ProblemException notNow(Clue clue, String reason) {
        return new ProblemException(ErrorCode.CONFLICT, Text.of(reason, clue.status));
    }
}
