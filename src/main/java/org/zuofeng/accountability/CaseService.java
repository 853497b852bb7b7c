package org.zuofeng.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.finding.FindingService;
import org.zuofeng.notice.NoticeRepository;
import org.zuofeng.official.OfficialRepository;
import org.zuofeng.official.Post;
import org.zuofeng.official.PostRepository;
import org.zuofeng.official.PostRole;
import org.zuofeng.official.PostService;
import org.zuofeng.unit.UnitRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Accountability cases (问责): opening a violation case opens, in the same transaction, the leadership cases of the
 * unit's principal and deputies in charge on the day (一案双查); decisions, appeals, waivers and closing.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    public static final String ENTITY_TYPE = "accountability-case";

    static final Lifecycle<CaseStatus> VIOLATION = Lifecycle.of(CaseStatus.class)
            .step(CaseStatus.CLOSED, CaseStatus.DECIDED)
            .build();

    /** A leadership case may also be waived, with a written reason. */
    static final Lifecycle<CaseStatus> LEADERSHIP = Lifecycle.of(CaseStatus.class)
            .step(CaseStatus.CLOSED, CaseStatus.DECIDED)
            .step(CaseStatus.WAIVED, CaseStatus.OPEN)
            .noteRequired(CaseStatus.WAIVED)
            .build();

    private static final Sorting<AccountabilityCase> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", c -> c.id, UUID.class),
            SortField.of("createdAt", "createdAt", c -> c.createdAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", c -> c.updatedAt, Instant.class),
            SortField.of("occurredOn", "occurredOn", c -> c.occurredOn, LocalDate.class));

    /** The filters of the case list; {@code measure} and the decision dates apply to the standing decision. */
    public record Query(UUID subjectOfficialId, UUID unitId, boolean includeSubunits, Set<CaseKind> kinds,
            Set<CaseStatus> statuses, Measure measure, LocalDate decidedFrom, LocalDate decidedTo) {
    }

    private final CaseRepository cases;
    private final OfficialRepository officials;
    private final PostRepository posts;
    private final PostService postService;
    private final UnitRepository units;
    private final FindingService findings;
    private final NoticeRepository notices;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Clock clock;

    public CaseService(CaseRepository cases, OfficialRepository officials, PostRepository posts,
            PostService postService, UnitRepository units, FindingService findings, NoticeRepository notices,
            AuditTrail audit, Transitions transitions, KeysetPager pager, CallerScope scope, Clock clock) {
        this.cases = cases;
        this.officials = officials;
        this.posts = posts;
        this.postService = postService;
        this.units = units;
        this.findings = findings;
        this.notices = notices;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * Opens a case. A violation case also opens a leadership-responsibility case for the unit's principal and for
     * the deputy in charge of its area (each deputy in charge when no area is said) on the day it happened, not for
     * the violator themself; the answer lists every leader found and the case each got.
     */
    public CaseView create(CaseWrite write) {
        validate(write);
        AccountabilityCase opened = newCase(write.kind(), write.subjectOfficialId(), write, null, null);
        if (write.kind() == CaseKind.VIOLATION) {
            for (Post leader : leadersOn(write.unitId(), write.occurredOn())) {
                if (!leader.officialId.equals(write.subjectOfficialId()) && leader.answersFor(write.area())) {
                    newCase(CaseKind.LEADERSHIP_RESPONSIBILITY, leader.officialId, write, opened.id, leader.role);
                }
            }
        }
        return shown(view(opened));
    }

    public CaseView get(UUID id) {
        return shown(view(visible(id)));
    }

    public Page<CaseView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.subjectOfficialId(), "subjectOfficialId", "e.subjectOfficialId = :subjectOfficialId")
                .when(query.kinds(), "kinds", "e.kind in :kinds")
                .when(query.statuses(), "statuses", "e.status in :statuses");
        if (query.unitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.unitId(), "unitId",
                    query.includeSubunits() ? "e.unitId in (select u.id from Unit u where u.id = :unitId"
                            + " or array_contains(u.path, :unitId))" : "e.unitId = :unitId");
        }
        String standing = "exists (select 1 from CaseDecision d where d.caseId = e.id and d.supersededBy is null";
        filters.when(query.measure() == null ? null : query.measure().name(), "measure",
                        standing + " and array_contains(d.measures, :measure))")
                .when(query.decidedFrom(), "decidedFrom", standing + " and d.decidedOn >= :decidedFrom)")
                .when(query.decidedTo(), "decidedTo", standing + " and d.decidedOn <= :decidedTo)");
        filters.restrictTo(scope.readable(CaseAccess.CASES));
        Page<AccountabilityCase> found = pager.page(AccountabilityCase.class, filters, SORTING, sort, page);
        return new Page<>(shown(views(found.items())), found.next(), found.totalCount());
    }

    /**
     * Decides an open case (no If-Match: it creates the decision; the one-standing-decision constraint settles a
     * race). Transfer, demotion, dismissal and termination end the subject's post in the unit on the decision date.
     */
    public CaseView decide(UUID id, DecisionWrite write) {
        AccountabilityCase decided = visible(id);
        if (decided.status != CaseStatus.OPEN) {
            throw new ProblemException(ErrorCode.CASE_NOT_OPEN, "Case " + id + " is " + decided.status
                    + "; only an open case takes a decision");
        }
        CaseView before = view(decided);
        addDecision(decided, write);
        decided.status = CaseStatus.DECIDED;
        audit.stampUpdated(decided);
        cases.flush();
        transitions.record(ENTITY_TYPE, id, new Transitions.Step<>(CaseStatus.OPEN, CaseStatus.DECIDED, null));
        CaseView after = view(decided);
        audit.record("DECIDE", ENTITY_TYPE, id, before, after);
        return shown(after);
    }

    /**
     * The record of a termination by public review (the two-strikes rule): a violation case citing the
     * assessments, decided at once with termination of post, which ends the official's two-committees posts on
     * {@code day}; the leadership cases it opens are waived at once with {@code waiveReason}. Taken on behalf of the
     * rule, whoever's request made the assessment final.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordTerminationByPublicReview(UUID officialId, UUID unitId, LocalDate day, List<UUID> assessmentIds,
            String summary, String waiveReason) {
        CaseWrite write = new CaseWrite(officialId, unitId, CaseKind.VIOLATION, day, List.of(), null, summary,
                null);
        AccountabilityCase violation = newCase(CaseKind.VIOLATION, officialId, write, null, null);
        violation.sourceAssessmentIds.addAll(assessmentIds);
        for (Post leader : leadersOn(unitId, day)) {
            if (!leader.officialId.equals(officialId)) {
                AccountabilityCase leadership = newCase(CaseKind.LEADERSHIP_RESPONSIBILITY, leader.officialId, write,
                        violation.id, leader.role);
                leadership.status = CaseStatus.WAIVED;
                touch(leadership);
                transitions.record(ENTITY_TYPE, leadership.id,
                        new Transitions.Step<>(CaseStatus.OPEN, CaseStatus.WAIVED, waiveReason));
            }
        }
        // The termination is of the two-committees posts (wherever held), not of every post in the unit.
        recordDecision(violation, new DecisionWrite(Set.of(Measure.TERMINATION_OF_POST), day, summary), null);
        postService.endHeldPosts(officialId, null, PostRole.TWO_COMMITTEES_MEMBER, day);
        violation.status = CaseStatus.DECIDED;
        touch(violation);
        transitions.record(ENTITY_TYPE, violation.id,
                new Transitions.Step<>(CaseStatus.OPEN, CaseStatus.DECIDED, null));
        audit.record("DECIDE", ENTITY_TYPE, violation.id, null, view(violation));
        return violation.id;
    }

    /** The standing decision of a case. */
    public CaseView.DecisionView decision(UUID id) {
        visible(id);
        return cases.standingDecision(id).map(CaseService::view)
                .orElseThrow(() -> ProblemException.notFound("Decision of case", id));
    }

    /** One appeal of a case. */
    public CaseView.AppealView appealOf(UUID id, UUID appealId) {
        visible(id);
        return cases.findAppeal(appealId).filter(a -> a.caseId.equals(id)).map(CaseService::view)
                .orElseThrow(() -> ProblemException.notFound("Appeal", appealId));
    }

    /** The subject's appeal against the standing decision; one pending at a time. */
    public CaseView appeal(UUID id, AppealWrite write) {
        AccountabilityCase appealed = visible(id);
        CaseDecision standing = cases.standingDecision(id).orElse(null);
        if (standing == null || cases.hasPendingAppeal(id)) {
            throw new ProblemException(ErrorCode.APPEAL_NOT_ALLOWED, standing == null
                    ? "Case " + id + " has no decision to appeal" : "Case " + id + " already has a pending appeal");
        }
        CaseView before = view(appealed);
        CaseAppeal appeal = new CaseAppeal();
        appeal.caseId = id;
        appeal.decisionId = standing.id;
        appeal.text = write.text();
        appeal.filedOn = write.filedOn();
        audit.stampCreated(appeal);
        cases.persistAppeal(appeal);
        touch(appealed);
        CaseView after = view(appealed);
        audit.record("APPEAL", ENTITY_TYPE, id, before, after);
        return shown(after);
    }

    /** Resolves an appeal: the decision stands, or a new decision supersedes it (the old one stays in history). */
    public CaseView resolveAppeal(UUID id, UUID appealId, AppealResolution resolution) {
        AccountabilityCase appealed = visible(id);
        CaseAppeal appeal = cases.findAppeal(appealId).filter(a -> a.caseId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("Appeal", appealId));
        if (appeal.outcome != null) {
            throw new ProblemException(ErrorCode.APPEAL_RESOLVED, "Appeal " + appealId + " is " + appeal.outcome);
        }
        if (resolution.outcome() == AppealOutcome.REVISED && resolution.decision() == null) {
            throw ProblemException.invalidField("/decision", "is required to revise the decision");
        }
        if (resolution.outcome() == AppealOutcome.UPHELD && resolution.decision() != null) {
            throw ProblemException.invalidField("/decision", "is only for a revised decision");
        }
        CaseView before = view(appealed);
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
        touch(appealed);
        CaseView after = view(appealed);
        audit.record("RESOLVE_APPEAL", ENTITY_TYPE, id, before, after);
        return shown(after);
    }

    /** Closes a decided case, or waives a leadership case with a reason. */
    public CaseView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        AccountabilityCase moved = visible(id);
        ifMatch.check(moved.version);
        Lifecycle<CaseStatus> lifecycle = moved.kind == CaseKind.VIOLATION ? VIOLATION : LEADERSHIP;
        CaseStatus to = lifecycle.parse(request.to);
        Transitions.Step<CaseStatus> step = transitions.check(lifecycle, moved.status, to, request);
        CaseView before = view(moved);
        moved.status = to;
        audit.stampUpdated(moved);
        cases.flush();
        transitions.record(ENTITY_TYPE, id, step);
        CaseView after = view(moved);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return shown(after);
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        visible(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The case if the caller may see it ({@link CaseAccess}); 404 otherwise. */
    private AccountabilityCase visible(UUID id) {
        return scope.require(AccountabilityCase.class, id, CaseAccess.CASES,
                () -> ProblemException.notFound("Accountability case", id));
    }

    private AccountabilityCase newCase(CaseKind kind, UUID subject, CaseWrite write, UUID violationId,
            PostRole leaderRole) {
        AccountabilityCase created = new AccountabilityCase();
        created.kind = kind;
        created.subjectOfficialId = subject;
        created.unitId = write.unitId();
        created.occurredOn = write.occurredOn();
        created.sourceNoticeId = write.sourceNoticeId();
        created.sourceFindingIds.addAll(write.findings());
        created.summary = write.summary();
        created.area = write.area();
        created.status = CaseStatus.OPEN;
        created.violationCaseId = violationId;
        created.leaderRole = leaderRole;
        audit.stampCreated(created);
        cases.persistAndFlush(created);
        audit.record("CREATE", ENTITY_TYPE, created.id, null, view(created));
        return created;
    }

    private CaseDecision addDecision(AccountabilityCase decided, DecisionWrite write) {
        return addDecision(decided, write, null);
    }

    /** Records a decision; measures that end a post end the subject's posts in the case's unit that day. */
    private CaseDecision addDecision(AccountabilityCase decided, DecisionWrite write, UUID id) {
        CaseDecision decision = recordDecision(decided, write, id);
        if (write.measures().stream().anyMatch(Measure::endsPost)) {
            postService.endHeldPosts(decided.subjectOfficialId, decided.unitId, null, write.decidedOn());
        }
        return decision;
    }

    private CaseDecision recordDecision(AccountabilityCase decided, DecisionWrite write, UUID id) {
        CaseDecision decision = new CaseDecision();
        decision.id = id;
        decision.caseId = decided.id;
        decision.measures = write.measures().stream().sorted().map(Enum::name).toArray(String[]::new);
        decision.decidedOn = write.decidedOn();
        decision.basis = write.basis();
        decision.disciplinarySanction = write.measures().stream().anyMatch(Measure::disciplinarySanction);
        audit.stampCreated(decision);
        cases.persistDecision(decision);
        return decision;
    }

    private void touch(AccountabilityCase changed) {
        audit.stampUpdated(changed);
        cases.flush();
    }

    /** The unit's principal and deputies in charge on the day. */
    private List<Post> leadersOn(UUID unitId, LocalDate day) {
        return leaders(posts.inUnitOn(unitId, day).stream());
    }

    /** The leaders of each violation's unit on its day, by violation id: one query for a whole page of cases. */
    private Map<UUID, List<Post>> leadersOf(List<AccountabilityCase> violations) {
        if (violations.isEmpty()) {
            return Map.of();
        }
        Set<UUID> unitIds = violations.stream().map(v -> v.unitId).collect(Collectors.toSet());
        LocalDate from = violations.stream().map(v -> v.occurredOn).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = violations.stream().map(v -> v.occurredOn).max(Comparator.naturalOrder()).orElseThrow();
        List<Post> candidates = posts.inUnitsBetween(unitIds, from, to);
        return violations.stream().collect(Collectors.toMap(v -> v.id, v -> leaders(candidates.stream()
                .filter(p -> p.unitId.equals(v.unitId) && p.activeOn(v.occurredOn)))));
    }

    private static List<Post> leaders(Stream<Post> held) {
        return held.filter(p -> p.answersFor(null))
                .sorted(Comparator.comparing((Post p) -> p.role).thenComparing(p -> p.startDate)).toList();
    }

    private void validate(CaseWrite write) {
        List<FieldError> errors = new ArrayList<>();
        if (officials.findByIdOptional(write.subjectOfficialId()).isEmpty()) {
            errors.add(FieldError.atPointer("/subjectOfficialId", "official not found"));
        }
        if (units.findByIdOptional(write.unitId()).isEmpty()) {
            errors.add(FieldError.atPointer("/unitId", "unit not found"));
        }
        if (write.sourceNoticeId() != null && notices.findLive(write.sourceNoticeId()).isEmpty()) {
            errors.add(FieldError.atPointer("/sourceNoticeId", "notice not found"));
        }
        Set<UUID> known = findings.unitsOf(write.findings()).keySet();
        for (int n = 0; n < write.findings().size(); n++) {
            if (!known.contains(write.findings().get(n))) {
                errors.add(FieldError.atPointer("/sourceFindingIds/" + n, "finding not found"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        findings.requireRevealed(write.findings());
    }

    private CaseView shown(CaseView view) {
        return shown(List.of(view)).get(0);
    }

    /**
     * The views as the caller may see them: a linked case it may not read itself ({@link CaseAccess}) is left out,
     * with its id, subject and status, and so is the case id of a leader found (the leader stays: who led the unit
     * is no secret of the case). Audit images keep the whole view.
     */
    private List<CaseView> shown(List<CaseView> views) {
        Set<UUID> linked = views.stream().flatMap(v -> v.linkedCaseIds().stream()).collect(Collectors.toSet());
        Set<UUID> readable = scope.readableIds(AccountabilityCase.class, linked, CaseAccess.CASES);
        if (readable.size() == linked.size()) {
            return views;
        }
        return views.stream().map(v -> v.withLinkedCases(readable)).toList();
    }

    private CaseView view(AccountabilityCase one) {
        return views(List.of(one)).get(0);
    }

    private List<CaseView> views(List<AccountabilityCase> list) {
        List<UUID> ids = list.stream().map(c -> c.id).toList();
        Map<UUID, List<AccountabilityCase>> leadership = cases.leadershipCasesOf(ids);
        Set<UUID> violationIds = list.stream().map(c -> c.violationCaseId).filter(v -> v != null)
                .collect(Collectors.toSet());
        Map<UUID, AccountabilityCase> violations = violationIds.isEmpty() ? Map.of()
                : cases.list("id in ?1", violationIds).stream().collect(Collectors.toMap(c -> c.id,
                        Function.identity()));
        Map<UUID, List<CaseDecision>> decisions = cases.decisionsOf(ids);
        Map<UUID, List<CaseAppeal>> appeals = cases.appealsOf(ids);
        Map<UUID, List<Post>> leaders = leadersOf(list.stream().filter(c -> c.kind == CaseKind.VIOLATION).toList());
        Set<UUID> people = new HashSet<>();
        list.forEach(c -> people.add(c.subjectOfficialId));
        leadership.values().forEach(l -> l.forEach(c -> people.add(c.subjectOfficialId)));
        violations.values().forEach(c -> people.add(c.subjectOfficialId));
        leaders.values().forEach(l -> l.forEach(p -> people.add(p.officialId)));
        Map<UUID, String> names = officials.namesOf(people);
        return list.stream().map(c -> {
            List<AccountabilityCase> linked = c.kind == CaseKind.VIOLATION
                    ? leadership.getOrDefault(c.id, List.of())
                    : Stream.ofNullable(violations.get(c.violationCaseId)).toList();
            List<CaseView.DecisionView> history = decisions.getOrDefault(c.id, List.of()).stream()
                    .map(CaseService::view).toList();
            return new CaseView(c.id, c.kind, c.subjectOfficialId, names.get(c.subjectOfficialId), c.unitId,
                    c.occurredOn, List.copyOf(c.sourceFindingIds), c.sourceNoticeId,
                    List.copyOf(c.sourceAssessmentIds), c.summary, c.area, c.status,
                    c.leaderRole, linked.stream().map(l -> l.id).toList(),
                    linked.stream().map(l -> new CaseView.LinkedCase(l.id, l.kind, l.subjectOfficialId,
                            names.get(l.subjectOfficialId), l.leaderRole, l.status)).toList(),
                    c.kind == CaseKind.VIOLATION ? leadersFound(leaders.get(c.id), linked, names) : null,
                    history.stream().filter(d -> d.supersededBy() == null).findFirst().orElse(null), history,
                    appeals.getOrDefault(c.id, List.of()).stream().map(CaseService::view).toList(),
                    c.version, Times.toWire(c.createdAt), c.createdBy, Times.toWire(c.updatedAt), c.updatedBy);
        }).toList();
    }

    /** The leaders of the violation's unit on its day, each with the case opened for them (none for the subject). */
    private static List<CaseView.Leader> leadersFound(List<Post> leaders, List<AccountabilityCase> linked,
            Map<UUID, String> names) {
        Map<UUID, UUID> caseOf = linked.stream().collect(Collectors.toMap(l -> l.subjectOfficialId, l -> l.id,
                (a, b) -> a));
        return leaders.stream().map(p -> new CaseView.Leader(p.officialId, names.get(p.officialId), p.role,
                p.responsibility, caseOf.get(p.officialId))).toList();
    }

    private static CaseView.DecisionView view(CaseDecision decision) {
        return new CaseView.DecisionView(decision.id, Arrays.stream(decision.measures).map(Measure::valueOf)
                .sorted().toList(), decision.decidedOn, decision.basis, decision.disciplinarySanction,
                decision.supersededBy, Times.toWire(decision.createdAt), decision.createdBy);
    }

    private static CaseView.AppealView view(CaseAppeal appeal) {
        return new CaseView.AppealView(appeal.id, appeal.decisionId, appeal.text, appeal.filedOn, appeal.outcome,
                appeal.reason, appeal.resolvedOn, appeal.revisedDecisionId);
    }
}
