package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.persistence.SerialCounters;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.official.PostService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Decisions and appeals: an open case is decided once (measures that end a post end it); the subject appeals the
 * standing decision, one appeal pending at a time; an appeal upholds the decision or a new one supersedes it, the
 * old one staying in the history.
 */
@ApplicationScoped
@Transactional
public class CaseDecisions {

    private final CaseRepository cases;
    private final CaseService service;
    private final CaseViews views;
    private final CaseMapper mapper;
    private final PostService posts;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final SerialCounters counters;
    private final Clock clock;

    public CaseDecisions(CaseRepository cases, CaseService service, CaseViews views, CaseMapper mapper,
            PostService posts, AuditTrail audit, Transitions transitions, SerialCounters counters, Clock clock) {
        this.cases = cases;
        this.service = service;
        this.views = views;
        this.mapper = mapper;
        this.posts = posts;
        this.audit = audit;
        this.transitions = transitions;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Decides an open case (no If-Match: it creates the decision; the one-standing-decision constraint settles a
     * race). Transfer, demotion, dismissal and termination end the subject's post in the unit on the decision date.
     */
    public CaseView decide(UUID id, DecisionWrite write) {
        AccountabilityCase decided = service.visible(id);
        if (decided.status != CaseStatus.OPEN) {
            throw new ProblemException(ErrorCode.CASE_NOT_OPEN, Text.of("accountability.caseOpenCaseTakesDecision", id,
                    decided.status));
        }
        CaseView before = views.of(decided);
        addDecision(decided, write, null);
        decided.status = CaseStatus.DECIDED;
        service.touch(decided);
        transitions.record(CaseService.ENTITY_TYPE, id,
                new Transitions.Step<>(CaseStatus.OPEN, CaseStatus.DECIDED, null));
        CaseView after = views.of(decided);
        audit.record("DECIDE", CaseService.ENTITY_TYPE, id, before, after);
        return views.shown(after);
    }

    /** The standing decision of a case. */
    public CaseView.DecisionView decision(UUID id) {
        service.visible(id);
        return cases.standingDecision(id).map(views::of)
                .orElseThrow(() -> ProblemException.notFound("decisionOfCase", id));
    }

    /** One appeal of a case. */
    public CaseView.AppealView appealOf(UUID id, UUID appealId) {
        service.visible(id);
        return cases.findAppeal(appealId).filter(a -> a.caseId.equals(id)).map(mapper::toView)
                .orElseThrow(() -> ProblemException.notFound("appeal", appealId));
    }

    /** The subject's appeal against the standing decision; one pending at a time. */
    public CaseView appeal(UUID id, AppealWrite write) {
        AccountabilityCase appealed = service.visible(id);
        CaseDecision standing = cases.standingDecision(id).orElse(null);
        if (standing == null || cases.hasPendingAppeal(id)) {
            throw new ProblemException(ErrorCode.APPEAL_NOT_ALLOWED, standing == null
                    ? Text.of("accountability.noDecisionToAppeal", id) : Text.of("accountability.appealPending", id));
        }
        CaseView before = views.of(appealed);
        CaseAppeal appeal = new CaseAppeal();
        appeal.caseId = id;
        appeal.decisionId = standing.id;
        appeal.text = write.text();
        appeal.filedOn = write.filedOn();
        audit.stampCreated(appeal);
        cases.persistAppeal(appeal);
        service.touch(appealed);
        CaseView after = views.of(appealed);
        audit.record("APPEAL", CaseService.ENTITY_TYPE, id, before, after);
        return views.shown(after);
    }

    /** Resolves an appeal: the decision stands, or a new decision supersedes it (the old one stays in history). */
    public CaseView resolveAppeal(UUID id, UUID appealId, AppealResolution resolution) {
        AccountabilityCase appealed = service.visible(id);
        CaseAppeal appeal = cases.findAppeal(appealId).filter(a -> a.caseId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("appeal", appealId));
        if (appeal.outcome != null) {
            throw new ProblemException(ErrorCode.APPEAL_RESOLVED, Text.of("accountability.appealResolved", appealId,
                    appeal.outcome));
        }
        if (resolution.outcome() == AppealOutcome.REVISED && resolution.decision() == null) {
            throw ProblemException.invalidField("/decision", Text.of("field.requiredReviseDecision"));
        }
        if (resolution.outcome() == AppealOutcome.UPHELD && resolution.decision() != null) {
            throw ProblemException.invalidField("/decision", Text.of("field.revisedDecision"));
        }
        CaseView before = views.of(appealed);
        if (resolution.outcome() == AppealOutcome.REVISED) {
            // The old decision steps down first (the reference to its successor is checked at commit).
            CaseDecision old = cases.standingDecision(id).orElseThrow();
            old.supersededBy = Ids.newId();
            cases.flush();
            appeal.revisedDecisionId = addDecision(appealed, resolution.decision(), old.supersededBy).id;
        }
        appeal.outcome = resolution.outcome();
        appeal.reason = resolution.reason();
        appeal.resolvedOn = LocalDate.now(clock);
        audit.stampUpdated(appeal);
        service.touch(appealed);
        CaseView after = views.of(appealed);
        audit.record("RESOLVE_APPEAL", CaseService.ENTITY_TYPE, id, before, after);
        return views.shown(after);
    }

    /** Records a decision; measures that end a post end the subject's posts in the case's unit that day. */
    private CaseDecision addDecision(AccountabilityCase decided, DecisionWrite write, UUID id) {
        CaseDecision decision = record(decided, write, id);
        if (write.measures().stream().anyMatch(Measure::endsPost)) {
            posts.endHeldPosts(decided.subjectOfficialId, decided.unitId, null, write.decidedOn());
        }
        return decision;
    }

    /** Records a decision under {@code id} (null: a new one), and nothing else. */
    CaseDecision record(AccountabilityCase decided, DecisionWrite write, UUID id) {
        CaseDecision decision = new CaseDecision();
        decision.id = id;
        decision.caseId = decided.id;
        decision.measures = write.measures().stream().sorted().map(Enum::name).toArray(String[]::new);
        decision.decidedOn = write.decidedOn();
        decision.serialYear = write.decidedOn().getYear();
        decision.serialSequence = counters.next("case-decision", decision.serialYear);
        decision.basis = write.basis();
        decision.disciplinarySanction = write.measures().stream().anyMatch(Measure::disciplinarySanction);
        audit.stampCreated(decision);
        cases.persistDecision(decision);
        return decision;
    }
}
