package org.zuofeng.assessment;

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
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.unit.Units;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Assessments as records: scored against the scheme ({@link Grading}: the server computes total and grade),
 * corrected while in draft, read as {@link AssessmentAccess} lets each caller. Public notice and finality are
 * {@link AssessmentLifecycle}'s, objections {@link Objections}', the two-strikes rule {@link TwoStrikes}'.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    public static final String ENTITY_TYPE = "assessment";
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
    private final AssessmentChecks checks;
    private final AssessmentViews views;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final CallerScope scope;

    public AssessmentService(AssessmentRepository assessments, SchemeRepository schemes, AssessmentChecks checks,
            AssessmentViews views, AuditTrail audit, Transitions transitions, KeysetPager pager, CallerScope scope) {
        this.assessments = assessments;
        this.schemes = schemes;
        this.checks = checks;
        this.views = views;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.scope = scope;
    }

    public AssessmentView create(AssessmentWrite write) {
        AssessmentScheme scheme = schemes.findByIdOptional(write.schemeId())
                .orElseThrow(() -> ProblemException.invalidField("/schemeId", Text.of("field.schemeNotFound")));
        UUID unitId = checks.subjectUnit(scheme, write);
        if (assessments.findBySubject(scheme.id, write.officialId(), unitId).isPresent()) {
            throw new ProblemException(ErrorCode.ASSESSMENT_EXISTS,
                    Text.of("assessment.subjectAlreadyAssessedUnderScheme", scheme.id));
        }
        Assessment assessment = new Assessment();
        assessment.schemeId = scheme.id;
        assessment.year = scheme.year;
        assessment.subjectType = scheme.subjectType;
        assessment.officialId = write.officialId();
        assessment.unitId = unitId;
        assessment.status = AssessmentStatus.DRAFT;
        Grading.grade(scheme, write, assessment);
        audit.stampCreated(assessment);
        assessments.persistAndFlush(assessment);
        AssessmentView view = views.of(assessment);
        audit.record("CREATE", ENTITY_TYPE, assessment.id, null, view);
        return view;
    }

    public AssessmentView get(UUID id) {
        return views.of(visible(id));
    }

    /** Corrects a draft's scores or public review; the subject and scheme stay. */
    public AssessmentView update(UUID id, IfMatch ifMatch, AssessmentWrite write) {
        Assessment assessment = visible(id);
        ifMatch.check(assessment.version);
        if (assessment.status != AssessmentStatus.DRAFT) {
            throw new ProblemException(ErrorCode.ASSESSMENT_NOT_DRAFT, Text.of("assessment.notDraft", id,
                    assessment.status));
        }
        if (!write.schemeId().equals(assessment.schemeId)) {
            throw ProblemException.invalidField("/schemeId", Text.of("field.schemeAssessmentStays"));
        }
        boolean team = assessment.subjectType == SubjectType.LEADERSHIP_TEAM;
        if (!Objects.equals(team ? write.unitId() : write.officialId(), team ? assessment.unitId : assessment.officialId)
                || (team ? write.officialId() : write.unitId()) != null) {
            throw ProblemException.invalidField(team ? "/unitId" : "/officialId",
                    Text.of("field.subjectAssessmentStays"));
        }
        AssessmentScheme scheme = schemes.findById(assessment.schemeId);
        AssessmentChecks.validateScores(scheme, write);
        AssessmentView before = views.of(assessment);
        Grading.grade(scheme, write, assessment);
        audit.stampUpdated(assessment);
        assessments.flush();
        AssessmentView after = views.of(assessment);
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
                    query.includeSubunits() ? "e.unitId in " + Units.subtreeOf("unitId") : "e.unitId = :unitId");
        }
        filters.restrictTo(scope.readable(AssessmentAccess.ASSESSMENTS));
        Page<Assessment> found = pager.page(Assessment.class, filters, SORTING, sort, page);
        return new Page<>(views.of(found.items()), found.next(), found.totalCount());
    }

    /**
     * For the event feed ({@link AssessmentEvents}): those of these assessments the caller may see, as the list
     * shows them.
     */
    public List<AssessmentView> visibleAmong(Collection<UUID> ids) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(AssessmentAccess.ASSESSMENTS));
        return views.of(pager.pageById(Assessment.class, filters, SORTING,
                new PageRequest(ids.size(), null, false)).items());
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        visible(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The assessment if the caller may see it ({@link AssessmentAccess}); 404 otherwise. */
    Assessment visible(UUID id) {
        return scope.require(Assessment.class, id, AssessmentAccess.ASSESSMENTS,
                () -> ProblemException.notFound("assessment", id));
    }

    /** A change to the assessment itself is stamped and flushed (its version moves). */
    void touch(Assessment assessment) {
        audit.stampUpdated(assessment);
        assessments.flush();
    }
}
