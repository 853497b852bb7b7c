package org.zuofeng.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.zuofeng.accountability.CaseService;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.config.ZuofengConfig;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.official.OfficialRepository;
import org.zuofeng.official.Post;
import org.zuofeng.official.PostRepository;
import org.zuofeng.unit.UnitRepository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Assessments: scored against the scheme (the server computes total and grade), put out to public notice (公示)
 * within the unit's quota of excellent grades, objected to, and made final; village cadres are graded by the vote
 * of their public review on the spot, and a second consecutive 不称职 ends their two-committees post.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    public static final String ENTITY_TYPE = "assessment";
    static final String TERMINATION_REASON = "termination by public review";

    static final Lifecycle<AssessmentStatus> LIFECYCLE = Lifecycle.of(AssessmentStatus.class)
            .step(AssessmentStatus.PUBLIC_NOTICE, AssessmentStatus.DRAFT)
            .step(AssessmentStatus.FINAL, AssessmentStatus.PUBLIC_NOTICE)
            .build();

    /** Village reviews are announced on the spot: no public notice. */
    static final Lifecycle<AssessmentStatus> VILLAGE = Lifecycle.of(AssessmentStatus.class)
            .step(AssessmentStatus.FINAL, AssessmentStatus.DRAFT)
            .build();

    private static final Sorting<Assessment> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", a -> a.id, UUID.class),
            SortField.of("createdAt", "createdAt", a -> a.createdAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", a -> a.updatedAt, Instant.class));

    /** The filters of the assessment list. */
    public record Query(UUID schemeId, Integer year, SubjectType subjectType, UUID unitId, boolean includeSubunits,
            UUID officialId, Grade grade, AssessmentStatus status) {
    }

    private final AssessmentRepository assessments;
    private final SchemeRepository schemes;
    private final OfficialRepository officials;
    private final PostRepository posts;
    private final UnitRepository units;
    private final CaseService cases;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Caller caller;
    private final CallerScope scope;
    private final Clock clock;
    private final int noticeDays;

    public AssessmentService(AssessmentRepository assessments, SchemeRepository schemes, OfficialRepository officials,
            PostRepository posts, UnitRepository units, CaseService cases, AuditTrail audit,
            Transitions transitions, KeysetPager pager, Caller caller, CallerScope scope, Clock clock,
            ZuofengConfig config) {
        this.assessments = assessments;
        this.schemes = schemes;
        this.officials = officials;
        this.posts = posts;
        this.units = units;
        this.cases = cases;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
        this.noticeDays = config.assessment().noticeDays();
    }

    public AssessmentView create(AssessmentWrite write) {
        AssessmentScheme scheme = schemes.findByIdOptional(write.schemeId())
                .orElseThrow(() -> ProblemException.invalidField("/schemeId", "scheme not found"));
        UUID unitId = validate(scheme, write);
        if (assessments.findBySubject(scheme.id, write.officialId(), unitId).isPresent()) {
            throw new ProblemException(ErrorCode.ASSESSMENT_EXISTS, "This subject is already assessed under scheme "
                    + scheme.id);
        }
        Assessment assessment = new Assessment();
        assessment.schemeId = scheme.id;
        assessment.year = scheme.year;
        assessment.subjectType = scheme.subjectType;
        assessment.officialId = write.officialId();
        assessment.unitId = unitId;
        assessment.status = AssessmentStatus.DRAFT;
        apply(scheme, write, assessment);
        audit.stampCreated(assessment);
        assessments.persistAndFlush(assessment);
        AssessmentView view = view(assessment);
        audit.record("CREATE", ENTITY_TYPE, assessment.id, null, view);
        return view;
    }

    public AssessmentView get(UUID id) {
        return view(visible(id));
    }

    /** Corrects a draft's scores or public review; the subject and scheme stay. */
    public AssessmentView update(UUID id, IfMatch ifMatch, AssessmentWrite write) {
        Assessment assessment = visible(id);
        ifMatch.check(assessment.version);
        if (assessment.status != AssessmentStatus.DRAFT) {
            throw new ProblemException(ErrorCode.ASSESSMENT_NOT_DRAFT, "Assessment " + id + " is " + assessment.status);
        }
        if (!write.schemeId().equals(assessment.schemeId)) {
            throw ProblemException.invalidField("/schemeId", "the scheme of an assessment stays as it is");
        }
        boolean team = assessment.subjectType == SubjectType.LEADERSHIP_TEAM;
        if (!Objects.equals(team ? write.unitId() : write.officialId(), team ? assessment.unitId : assessment.officialId)
                || (team ? write.officialId() : write.unitId()) != null) {
            throw ProblemException.invalidField(team ? "/unitId" : "/officialId",
                    "the subject of an assessment stays as it is");
        }
        AssessmentScheme scheme = schemes.findById(assessment.schemeId);
        validateScores(scheme, write);
        AssessmentView before = view(assessment);
        apply(scheme, write, assessment);
        audit.stampUpdated(assessment);
        assessments.flush();
        AssessmentView after = view(assessment);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<AssessmentView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.schemeId(), "schemeId", "e.schemeId = :schemeId")
                .when(query.year(), "year", "e.year = :year")
                .when(query.subjectType(), "subjectType", "e.subjectType = :subjectType")
                .when(query.officialId(), "officialId", "e.officialId = :officialId")
                .when(query.grade(), "grade", "e.grade = :grade")
                .when(query.status(), "status", "e.status = :status");
        if (query.unitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.unitId(), "unitId",
                    query.includeSubunits() ? "e.unitId in (select u.id from Unit u where u.id = :unitId"
                            + " or array_contains(u.path, :unitId))" : "e.unitId = :unitId");
        }
        filters.restrictTo(scope.readable(AssessmentAccess.ASSESSMENTS));
        Page<Assessment> found = pager.page(Assessment.class, filters, SORTING, sort, page);
        return new Page<>(views(found.items()), found.next(), found.totalCount());
    }

    /**
     * Puts an assessment out to public notice (within the unit's quota of excellent grades) or makes it final
     * (after the notice, with every objection resolved; a village review on the spot, once the vote is in).
     */
    public AssessmentView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        Assessment assessment = visible(id);
        ifMatch.check(assessment.version);
        Lifecycle<AssessmentStatus> lifecycle = assessment.subjectType == SubjectType.VILLAGE_CADRE ? VILLAGE
                : LIFECYCLE;
        AssessmentStatus to = lifecycle.parse(request.to);
        Transitions.Step<AssessmentStatus> step = transitions.check(lifecycle, assessment.status, to, request);
        AssessmentView before = view(assessment);
        LocalDate today = LocalDate.now(clock);
        if (to == AssessmentStatus.PUBLIC_NOTICE) {
            requireQuota(assessment);
            assessment.noticeStart = today;
            assessment.noticeEnd = today.plusDays(noticeDays - 1L);
        } else {
            requireFinalisable(assessment, today);
        }
        assessment.status = to;
        audit.stampUpdated(assessment);
        assessments.flush();
        transitions.record(ENTITY_TYPE, id, step);
        if (to == AssessmentStatus.FINAL) {
            applyTwoStrikes(assessment, today);
        }
        AssessmentView after = view(assessment);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        visible(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** An objection, while the assessment is in public notice. */
    public AssessmentView object(UUID id, ObjectionWrite write) {
        Assessment assessment = visible(id);
        LocalDate today = LocalDate.now(clock);
        if (assessment.status != AssessmentStatus.PUBLIC_NOTICE || today.isAfter(assessment.noticeEnd)) {
            throw new ProblemException(ErrorCode.OBJECTION_OUTSIDE_WINDOW, "Assessment " + id + " is not in public "
                    + "notice" + (assessment.noticeEnd == null ? "" : " (it ended on " + assessment.noticeEnd + ")"));
        }
        AssessmentView before = view(assessment);
        Objection objection = new Objection();
        objection.assessmentId = id;
        objection.text = write.text();
        objection.raisedBy = write.raisedBy();
        audit.stampCreated(objection);
        assessments.persistObjection(objection);
        touch(assessment);
        AssessmentView after = view(assessment);
        audit.record("OBJECT", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Resolves an objection: upheld, the assessment returns to draft with the reason; dismissed, it stays. */
    public AssessmentView resolve(UUID id, UUID objectionId, ObjectionResolution resolution) {
        Assessment assessment = visible(id);
        Objection objection = assessments.findObjection(objectionId).filter(o -> o.assessmentId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("Objection", objectionId));
        if (objection.outcome != null) {
            throw new ProblemException(ErrorCode.OBJECTION_RESOLVED, "Objection " + objectionId + " is "
                    + objection.outcome);
        }
        AssessmentView before = view(assessment);
        objection.outcome = resolution.outcome();
        objection.reason = resolution.reason();
        objection.resolvedAt = clock.instant();
        objection.resolvedBy = caller.subject();
        audit.stampUpdated(objection);
        if (resolution.outcome() == ObjectionOutcome.UPHELD && assessment.status == AssessmentStatus.PUBLIC_NOTICE) {
            assessment.status = AssessmentStatus.DRAFT;
            assessment.noticeStart = null;
            assessment.noticeEnd = null;
            transitions.record(ENTITY_TYPE, id, new Transitions.Step<>(AssessmentStatus.PUBLIC_NOTICE,
                    AssessmentStatus.DRAFT, resolution.reason()));
        }
        touch(assessment);
        AssessmentView after = view(assessment);
        audit.record("RESOLVE_OBJECTION", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** The assessment if the caller may see it ({@link AssessmentAccess}); 404 otherwise. */
    private Assessment visible(UUID id) {
        return scope.require(Assessment.class, id, AssessmentAccess.ASSESSMENTS,
                () -> ProblemException.notFound("Assessment", id));
    }

    /** At most max(1, ⌊quota × assessments of the scheme in the unit⌋) excellent grades, counted under a lock. */
    private void requireQuota(Assessment assessment) {
        if (assessment.grade != Grade.EXCELLENT) {
            return;
        }
        AssessmentScheme scheme = schemes.findForUpdate(assessment.schemeId).orElseThrow();
        long subjects = assessments.countInUnit(scheme.id, assessment.unitId);
        long allowed = Math.max(1, scheme.excellentQuota.multiply(BigDecimal.valueOf(subjects))
                .setScale(0, RoundingMode.FLOOR).longValue());
        long taken = assessments.countExcellentShown(scheme.id, assessment.unitId);
        if (taken + 1 > allowed) {
            throw new ProblemException(ErrorCode.EXCELLENT_QUOTA_EXCEEDED, "The unit may have " + allowed
                    + " excellent grade(s) among its " + subjects + " assessments under this scheme, and has "
                    + taken).with("allowed", allowed).with("taken", taken);
        }
    }

    private void requireFinalisable(Assessment assessment, LocalDate today) {
        if (assessment.subjectType == SubjectType.VILLAGE_CADRE) {
            if (assessment.publicReview == null || assessment.publicReview.votes().valid() == 0) {
                throw new ProblemException(ErrorCode.VOTES_MISSING, "Record the public review's votes first");
            }
            return;
        }
        if (!today.isAfter(assessment.noticeEnd)) {
            throw new ProblemException(ErrorCode.NOTICE_WINDOW_OPEN, "Public notice runs until "
                    + assessment.noticeEnd);
        }
        if (assessments.hasPendingObjections(assessment.id)) {
            throw new ProblemException(ErrorCode.OBJECTIONS_PENDING, "Resolve every objection first");
        }
    }

    /**
     * Two consecutive 不称职 of a village two-committees member: their two-committees posts end today, and an
     * accountability case is opened and decided with termination of post, citing both assessments. The other year
     * of the run is the one before, or the one after when this year's review became final late (an objection held
     * it up); either way the review made final now completes the run and carries the case. Once per run.
     */
    private void applyTwoStrikes(Assessment assessment, LocalDate today) {
        if (assessment.subjectType != SubjectType.VILLAGE_CADRE || assessment.grade != Grade.INCOMPETENT
                || assessment.terminationCaseId != null) {
            return;
        }
        // Serialised per official until commit: of two years made final at once, the second to get here sees the
        // first as final (each statement reads what is committed), so the run is found exactly once.
        assessments.lockTwoStrikesOf(assessment.officialId);
        Optional<Assessment> earlier = assessments.finalVillageAssessment(assessment.officialId, assessment.year - 1)
                .filter(previous -> previous.grade == Grade.INCOMPETENT);
        Optional<Assessment> later = assessments.finalVillageAssessment(assessment.officialId, assessment.year + 1)
                .filter(next -> next.grade == Grade.INCOMPETENT && next.terminationCaseId == null);
        earlier.map(previous -> List.of(previous, assessment))
                .or(() -> later.map(next -> List.of(assessment, next)))
                .ifPresent(run -> {
                    Assessment first = run.get(0);
                    Assessment second = run.get(1);
                    assessment.terminationCaseId = cases.recordTerminationByPublicReview(assessment.officialId,
                            assessment.unitId, today, List.of(first.id, second.id),
                            "Two consecutive INCOMPETENT public reviews (" + first.year + ", " + second.year
                                    + "): assessments " + first.id + " and " + second.id,
                            TERMINATION_REASON);
                    assessments.flush();
                });
    }

    /** The subject's unit: the team's own, or that of the official's earliest-started post active today. */
    private UUID validate(AssessmentScheme scheme, AssessmentWrite write) {
        List<FieldError> errors = new ArrayList<>();
        UUID unitId = null;
        if (scheme.subjectType == SubjectType.LEADERSHIP_TEAM) {
            if (write.officialId() != null) {
                errors.add(FieldError.atPointer("/officialId", "a leadership team is assessed by its unitId"));
            }
            if (write.unitId() == null) {
                errors.add(FieldError.atPointer("/unitId", "is required for a leadership team"));
            } else if (units.findByIdOptional(write.unitId()).isEmpty()) {
                errors.add(FieldError.atPointer("/unitId", "unit not found"));
            } else {
                unitId = write.unitId();
            }
        } else {
            if (write.unitId() != null) {
                errors.add(FieldError.atPointer("/unitId", "an official is assessed by officialId"));
            }
            if (write.officialId() == null) {
                errors.add(FieldError.atPointer("/officialId", "is required for " + scheme.subjectType));
            } else if (officials.findByIdOptional(write.officialId()).isEmpty()) {
                errors.add(FieldError.atPointer("/officialId", "official not found"));
            } else {
                unitId = posts.heldOn(List.of(write.officialId()), LocalDate.now(clock)).stream()
                        .min(Comparator.comparing((Post p) -> p.startDate).thenComparing(p -> p.id))
                        .map(p -> p.unitId).orElse(null);
                if (unitId == null) {
                    errors.add(FieldError.atPointer("/officialId", "holds no post today, so has no unit"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        validateScores(scheme, write);
        return unitId;
    }

    /** Every indicator scored exactly once, within 0..maxScore; a public review only for village cadres. */
    private static void validateScores(AssessmentScheme scheme, AssessmentWrite write) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, SchemeParts.Indicator> indicators = scheme.indicators.stream()
                .collect(Collectors.toMap(SchemeParts.Indicator::code, i -> i));
        Set<String> scored = new HashSet<>();
        for (int n = 0; n < write.scores().size(); n++) {
            SchemeParts.Score score = write.scores().get(n);
            SchemeParts.Indicator indicator = indicators.get(score.indicatorCode());
            if (indicator == null) {
                errors.add(FieldError.atPointer("/scores/" + n + "/indicatorCode", "is not an indicator of the scheme"));
            } else if (!scored.add(score.indicatorCode())) {
                errors.add(FieldError.atPointer("/scores/" + n + "/indicatorCode", "is scored twice"));
            } else if (score.score().compareTo(indicator.maxScore()) > 0) {
                errors.add(FieldError.atPointer("/scores/" + n + "/score", "must not exceed the indicator's maxScore "
                        + indicator.maxScore().toPlainString()));
            }
        }
        indicators.keySet().stream().filter(code -> !scored.contains(code)).sorted().forEach(code ->
                errors.add(FieldError.atPointer("/scores", "indicator " + code + " is not scored")));
        if (write.publicReview() != null && scheme.subjectType != SubjectType.VILLAGE_CADRE) {
            errors.add(FieldError.atPointer("/publicReview", "is only for village cadres"));
        }
        if (write.publicReview() != null) {
            SchemeParts.Votes votes = write.publicReview().votes();
            if (votes.valid() + votes.invalid() > write.publicReview().attendance()) {
                errors.add(FieldError.atPointer("/publicReview/votes", "more ballots than people attending"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(AssessmentScheme scheme, AssessmentWrite write, Assessment assessment) {
        assessment.scores = List.copyOf(write.scores());
        assessment.publicReview = write.publicReview();
        assessment.totalScore = Grading.total(scheme.indicators, write.scores());
        if (scheme.subjectType == SubjectType.VILLAGE_CADRE) {
            assessment.grade = write.publicReview() == null || write.publicReview().votes().valid() == 0 ? null
                    : Grading.byVotes(scheme.voteRule(), write.publicReview().votes());
        } else {
            assessment.grade = Grading.byBands(scheme.gradeBands, assessment.totalScore);
        }
    }

    private void touch(Assessment assessment) {
        audit.stampUpdated(assessment);
        assessments.flush();
    }

    private AssessmentView view(Assessment assessment) {
        return views(List.of(assessment)).get(0);
    }

    private List<AssessmentView> views(List<Assessment> list) {
        Map<UUID, List<Objection>> objections = assessments.objectionsOf(list.stream().map(a -> a.id).toList());
        Map<UUID, String> unitNames = units.namesOf(list.stream().map(a -> a.unitId).collect(Collectors.toSet()));
        Set<UUID> officialIds = list.stream().map(a -> a.officialId).filter(o -> o != null).collect(Collectors.toSet());
        Map<UUID, String> names = officials.namesOf(officialIds);
        return list.stream().map(a -> new AssessmentView(a.id, a.schemeId, a.year, a.subjectType, a.officialId,
                a.officialId == null ? unitNames.get(a.unitId) : names.get(a.officialId), a.unitId,
                unitNames.get(a.unitId), a.scores, a.publicReview, a.totalScore, a.grade, a.status, a.noticeStart,
                a.noticeEnd, objections.getOrDefault(a.id, List.of()).stream().map(o -> new AssessmentView.ObjectionView(
                        o.id, o.text, o.raisedBy, Times.toWire(o.createdAt), o.outcome, o.reason,
                        Times.toWire(o.resolvedAt), o.resolvedBy)).toList(),
                a.grade == Grade.EXCELLENT, a.terminationCaseId, a.version, Times.toWire(a.createdAt), a.createdBy,
                Times.toWire(a.updatedAt), a.updatedBy)).toList();
    }
}
