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
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.unit.Units;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Accountability cases (问责): opening them ({@link DoubleInvestigation}: a violation case opens the leadership
 * cases with it), reading them as {@link CaseAccess} lets each caller, closing and waiving them. Decisions and
 * appeals are {@link CaseDecisions}', the two-strikes rule's terminations {@link Terminations}'.
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
    private final CaseChecks checks;
    private final DoubleInvestigation investigation;
    private final CaseViews views;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final CallerScope scope;

    public CaseService(CaseRepository cases, CaseChecks checks, DoubleInvestigation investigation, CaseViews views,
            AuditTrail audit, Transitions transitions, KeysetPager pager, CallerScope scope) {
        this.cases = cases;
        this.checks = checks;
        this.investigation = investigation;
        this.views = views;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.scope = scope;
    }

    /**
     * Opens a case. A violation case also opens a leadership-responsibility case for the unit's principal and for
     * the deputy in charge of its area (each deputy in charge when no area is said) on the day it happened, not for
     * the violator themself; the answer lists every leader found and the case each got.
     */
    public CaseView create(CaseWrite write) {
        checks.validate(write);
        return views.shown(views.of(investigation.open(write)));
    }

    public CaseView get(UUID id) {
        return views.shown(views.of(visible(id)));
    }

    public Page<CaseView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.subjectOfficialId(), "subjectOfficialId", "e.subjectOfficialId = :subjectOfficialId")
                .when(query.kinds(), "kinds", "e.kind in :kinds")
                .when(query.statuses(), "statuses", "e.status in :statuses");
        if (query.unitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.unitId(), "unitId",
                    query.includeSubunits() ? "e.unitId in " + Units.subtreeOf("unitId") : "e.unitId = :unitId");
        }
        String standing = "exists (select 1 from CaseDecision d where d.caseId = e.id and d.supersededBy is null";
        filters.when(query.measure() == null ? null : query.measure().name(), "measure",
                        standing + " and array_contains(d.measures, :measure))")
                .when(query.decidedFrom(), "decidedFrom", standing + " and d.decidedOn >= :decidedFrom)")
                .when(query.decidedTo(), "decidedTo", standing + " and d.decidedOn <= :decidedTo)");
        filters.restrictTo(scope.readable(CaseAccess.CASES));
        Page<AccountabilityCase> found = pager.page(AccountabilityCase.class, filters, SORTING, sort, page);
        return new Page<>(views.shown(views.of(found.items())), found.next(), found.totalCount());
    }

    /** Closes a decided case, or waives a leadership case with a reason. */
    public CaseView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        AccountabilityCase moved = visible(id);
        ifMatch.check(moved.version);
        Lifecycle<CaseStatus> lifecycle = moved.kind == CaseKind.VIOLATION ? VIOLATION : LEADERSHIP;
        CaseStatus to = lifecycle.parse(request.to);
        Transitions.Step<CaseStatus> step = transitions.check(lifecycle, moved.status, to, request);
        CaseView before = views.of(moved);
        moved.status = to;
        touch(moved);
        transitions.record(ENTITY_TYPE, id, step);
        CaseView after = views.of(moved);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return views.shown(after);
    }

    /** For the event feed ({@link CaseEvents}): those of these cases the caller may see, as the list shows them. */
    public List<CaseView> visibleAmong(Collection<UUID> ids) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(CaseAccess.CASES));
        return views.shown(views.of(pager.pageById(AccountabilityCase.class, filters, SORTING,
                new PageRequest(ids.size(), null, false)).items()));
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        visible(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The case if the caller may see it ({@link CaseAccess}); 404 otherwise. */
    AccountabilityCase visible(UUID id) {
        return scope.require(AccountabilityCase.class, id, CaseAccess.CASES,
                () -> ProblemException.notFound("accountabilityCase", id));
    }

    /** A change to the case itself is stamped and flushed (its version moves). */
    void touch(AccountabilityCase changed) {
        audit.stampUpdated(changed);
        cases.flush();
    }
}
