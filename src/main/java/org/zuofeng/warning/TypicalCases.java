package org.zuofeng.warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.accountability.CaseService;
import org.zuofeng.accountability.CaseStatus;
import org.zuofeng.accountability.CaseView;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.statistics.Period;
import org.zuofeng.official.Officials;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Typical cases (典型案例): drafted by the commission from a decided case, de-identified ({@link Deidentification}),
 * published only on a second person's approval, then fixed; read by every role once published, and by the public.
 */
@ApplicationScoped
@Transactional
public class TypicalCases {

    static final String ENTITY_TYPE = "typical-case";
    private static final Sorting<TypicalCase> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", t -> t.id, UUID.class),
            SortField.of("createdAt", "createdAt", t -> t.createdAt, Instant.class),
            SortField.of("publishedAt", "publishedAt", t -> t.publishedAt, Instant.class));

    private final EntityManager em;
    private final CaseService cases;
    private final Officials officials;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;
    private final Clock clock;

    public TypicalCases(EntityManager em, CaseService cases, Officials officials, AuditTrail audit, KeysetPager pager,
            CallerScope scope, Caller caller, Clock clock) {
        this.em = em;
        this.cases = cases;
        this.officials = officials;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    public TypicalCaseView draft(TypicalCaseWrite write) {
        check(write);
        TypicalCase drafted = new TypicalCase();
        audit.stampCreated(drafted);
        drafted.caseId = write.caseId();
        apply(drafted, write);
        drafted.status = TypicalCaseStatus.DRAFT;
        em.persist(drafted);
        em.flush();
        TypicalCaseView view = TypicalCaseView.of(drafted);
        audit.record("CREATE", ENTITY_TYPE, drafted.id, null, view);
        return view;
    }

    /** Corrects a draft; a published typical case is never changed (409). */
    public TypicalCaseView update(UUID id, IfMatch ifMatch, TypicalCaseWrite write) {
        TypicalCase typical = readable(id);
        ifMatch.check(typical.version);
        requireDraft(typical);
        if (!write.caseId().equals(typical.caseId)) {
            throw ProblemException.invalidField("/caseId", Text.of("warning.caseFixed"));
        }
        check(write);
        TypicalCaseView before = TypicalCaseView.of(typical);
        apply(typical, write);
        audit.stampUpdated(typical);
        em.flush();
        TypicalCaseView after = TypicalCaseView.of(typical);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /**
     * Publishes a draft on a second person's approval: never by whoever drafted or last changed it (409
     * {@code FOUR_EYES_REQUIRED}); its text checked once more.
     */
    public TypicalCaseView publish(UUID id, IfMatch ifMatch) {
        TypicalCase typical = readable(id);
        ifMatch.check(typical.version);
        requireDraft(typical);
        caller.requireSecondPerson(Text.of("warning.secondPerson"), typical.createdBy, typical.updatedBy);
        check(new TypicalCaseWrite(typical.caseId, typical.title, typical.narrative, typical.violation,
                typical.measure, typical.lesson));
        TypicalCaseView before = TypicalCaseView.of(typical);
        typical.status = TypicalCaseStatus.PUBLISHED;
        typical.publishedAt = clock.instant();
        typical.approvedBy = caller.subject();
        audit.stampUpdated(typical);
        em.flush();
        TypicalCaseView after = TypicalCaseView.of(typical);
        audit.record("PUBLISH", ENTITY_TYPE, id, before, after);
        return after;
    }

    public TypicalCaseView get(UUID id) {
        return TypicalCaseView.of(readable(id));
    }

    public Page<TypicalCaseView> list(TypicalCaseStatus status, String sort, PageRequest page) {
        Filters filters = new Filters().when(status, "status", "e.status = :status")
                .restrictTo(scope.readable(WarningAccess.TYPICAL_CASES));
        return pager.page(TypicalCase.class, filters, SORTING, sort, page).map(TypicalCaseView::of);
    }

    /** For everyone: the published typical cases, newest first, by year of publication when given. */
    public Page<PublicTypicalCaseView> published(Integer year, String sort, PageRequest page) {
        Filters filters = new Filters().always("e.status = :published", Map.of("published",
                TypicalCaseStatus.PUBLISHED));
        if (year != null) {
            Period whole = Period.ofYear(year);
            filters.where("e.publishedAt >= :yearStart and e.publishedAt < :yearEnd", Map.of(
                    "yearStart", whole.start(), "yearEnd", whole.end()));
        }
        return pager.page(TypicalCase.class, filters, SORTING, sort == null ? "-publishedAt" : sort, page)
                .map(t -> PublicTypicalCaseView.of(TypicalCaseView.of(t)));
    }

    /** For everyone: one published typical case (404 for a draft, as for one that is not there). */
    public PublicTypicalCaseView publishedOne(UUID id) {
        TypicalCase typical = em.find(TypicalCase.class, id);
        if (typical == null || typical.status != TypicalCaseStatus.PUBLISHED) {
            throw ProblemException.notFound("typicalCase", id);
        }
        return PublicTypicalCaseView.of(TypicalCaseView.of(typical));
    }

    /** Those of these typical cases published, for a session citing them; the others, by position, as errors. */
    Set<UUID> publishedAmong(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select t.id from TypicalCase t where t.id in :ids and t.status = :p",
                UUID.class).setParameter("ids", ids).setParameter("p", TypicalCaseStatus.PUBLISHED).getResultList());
    }

    /** The case must be decided, and the text must identify none of its officials. */
    private void check(TypicalCaseWrite write) {
        CaseView source;
        try {
            source = cases.get(write.caseId());
        } catch (ProblemException notFound) {
            throw ProblemException.invalidField("/caseId", Text.of("warning.noSuchCase"));
        }
        if (source.status() != CaseStatus.DECIDED && source.status() != CaseStatus.CLOSED
                || source.decision() == null) {
            throw ProblemException.invalidField("/caseId", Text.of("warning.caseNotDecided"));
        }
        Set<UUID> people = new HashSet<>();
        people.add(source.subjectOfficialId());
        source.linkedCases().forEach(l -> people.add(l.subjectOfficialId()));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("/title", write.title());
        texts.put("/narrative", write.narrative());
        texts.put("/violation", write.violation());
        texts.put("/measure", write.measure());
        texts.put("/lesson", write.lesson());
        List<FieldError> errors = Deidentification.problems(texts, officials.identities(people).values());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(TypicalCase typical, TypicalCaseWrite write) {
        typical.title = write.title().strip();
        typical.narrative = write.narrative();
        typical.violation = write.violation();
        typical.measure = write.measure();
        typical.lesson = write.lesson();
    }

    private static void requireDraft(TypicalCase typical) {
        if (typical.status != TypicalCaseStatus.DRAFT) {
            throw new ProblemException(ErrorCode.INVALID_TRANSITION, Text.of("warning.published"));
        }
    }

    private TypicalCase readable(UUID id) {
        return scope.require(TypicalCase.class, id, WarningAccess.TYPICAL_CASES,
                () -> ProblemException.notFound("typicalCase", id));
    }

}
