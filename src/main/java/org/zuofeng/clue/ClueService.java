package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import org.zuofeng.common.persistence.SerialCounters;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.time.WorkingDays;
import org.zuofeng.finding.Findings;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The clue register: clues registered by the commission from any source, and from every public report by itself;
 * each numbered per year without gaps; read by the commission (less its recused members), admins and auditors only.
 */
@ApplicationScoped
@Transactional
public class ClueService {

    static final String ENTITY_TYPE = "clue";
    /** The counter series of clue numbers, per year. */
    static final String SERIES = "clue";
    /** Who registered a clue from a public report: the public, not a person. */
    static final String PUBLIC = "public";

    /** Clues with a deadline past and nothing done, on {@code :overdueOn} (as {@link ClueViews#deadlines}). */
    private static final String OVERDUE = "((e.proposedOn is null and e.proposalDue < :overdueOn)"
            + " or (e.acceptanceDue < :overdueOn and e.acceptanceToldOn is null)"
            + " or (e.resultDue < :overdueOn and e.resultToldOn is null))";

    private static final Sorting<Clue> SORTING = new Sorting<>("-receivedOn",
            SortField.of("id", "id", c -> c.id, UUID.class),
            SortField.of("receivedOn", "receivedOn", c -> c.receivedOn, LocalDate.class),
            SortField.of("number", "sequence", c -> c.sequence, Integer.class));

    private final EntityManager em;
    private final AuditTrail audit;
    private final SerialCounters counters;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;
    private final Units units;
    private final Officials officials;
    private final Findings findings;
    private final ClueViews views;
    private final WorkingDays workingDays;
    private final ClueConfig config;
    private final Clock clock;

    ClueService(EntityManager em, AuditTrail audit, SerialCounters counters, KeysetPager pager, CallerScope scope,
            Caller caller, Units units, Officials officials, Findings findings, ClueViews views,
            WorkingDays workingDays, ClueConfig config, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.counters = counters;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
        this.units = units;
        this.officials = officials;
        this.findings = findings;
        this.views = views;
        this.workingDays = workingDays;
        this.config = config;
        this.clock = clock;
    }

    /** Registers a clue from a source other than a public report; it takes the year's next number. */
    public ClueView register(ClueWrite write) {
        if (write.source() == ClueSource.PUBLIC_REPORT) {
            throw ProblemException.invalidField("/source", Text.of("clue.reportsRegisterThemselves"));
        }
        requireKnown(write, subjectErrors(write.unitIds(), write.officialIds() == null ? List.of()
                : write.officialIds()));
        Clue clue = new Clue();
        audit.stampCreated(clue);
        clue.source = write.source();
        clue.channel = write.channel();
        clue.category = write.category();
        clue.title = write.title().strip();
        clue.summary = write.summary().strip();
        clue.receivedOn = write.receivedOn();
        clue.sourceFindingId = write.sourceFindingId();
        clue.unitIds = new LinkedHashSet<>(write.unitIds());
        clue.officialIds = new LinkedHashSet<>(write.officialIds() == null ? List.of() : write.officialIds());
        number(clue);
        em.persist(clue);
        em.flush();
        ClueView view = views.of(clue);
        audit.record("CREATE", ENTITY_TYPE, clue.id, null, view);
        return view;
    }

    /**
     * Registers the clue of a public report, in the report's transaction. It is attributed to the public and dated
     * by the day only, and its audit event carries neither a time finer than the day nor a request id that a network
     * log could tie to the reporter.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void registerReport(PublicReport report) {
        Clue clue = new Clue();
        clue.id = report.id;
        clue.createdAt = report.receivedOn.atStartOfDay(Times.ZONE).toInstant();
        clue.createdBy = PUBLIC;
        clue.updatedAt = clue.createdAt;
        clue.updatedBy = PUBLIC;
        clue.source = ClueSource.PUBLIC_REPORT;
        clue.channel = ClueChannel.ONLINE;
        clue.category = report.category;
        clue.title = report.title;
        clue.summary = report.details;
        clue.receivedOn = report.receivedOn;
        clue.reportId = report.id;
        if (report.aboutUnitId != null) {
            clue.unitIds.add(report.aboutUnitId);
        }
        number(clue);
        if (report.realName) {
            clue.acceptanceDue = workingDays.after(report.receivedOn, config.reporterToldWithin());
        }
        em.persist(clue);
        em.flush();
        audit.recordUntraced("CREATE", ENTITY_TYPE, clue.id, views.of(clue), clue.createdAt, PUBLIC);
    }

    public ClueView get(UUID id) {
        return views.of(visible(id));
    }

    /** The clues the caller may read, filtered; the newest received first unless sorted otherwise. */
    public Page<ClueView> list(ClueStatus status, ClueSource source, Integer year, UUID unitId, Boolean overdue,
            String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(status, "status", "e.status = :status")
                .when(source, "source", "e.source = :source")
                .when(year, "year", "e.year = :year")
                .when(unitId, "unitId", ":unitId member of e.unitIds")
                .restrictTo(scope.readable(ClueAccess.CLUES));
        if (Boolean.TRUE.equals(overdue)) {
            filters.where(OVERDUE, Map.of("overdueOn", LocalDate.now(clock)));
        }
        Page<Clue> clues = pager.page(Clue.class, filters, SORTING, sort, page);
        return new Page<>(views.all(clues.items()), clues.next(), clues.totalCount());
    }

    /** Those of these clues the caller may read, as their single read shows them. */
    public List<ClueView> visibleAmong(Collection<UUID> ids) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(ClueAccess.CLUES));
        return views.all(pager.pageById(Clue.class, filters, SORTING, new PageRequest(ids.size(), null, false))
                .items());
    }

    /** The commission's question to the reporter of a clue's public report, who reads it with the receipt. */
    public ClueView ask(UUID id, QuestionWrite write) {
        Clue clue = visible(id);
        if (clue.reportId == null) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.noReporterToAsk", clue.source));
        }
        ClueView before = views.of(clue);
        PublicReport report = em.find(PublicReport.class, clue.reportId,
                LockModeType.PESSIMISTIC_WRITE);
        ReportMessage question = new ReportMessage();
        question.id = Ids.newId();
        question.reportId = report.id;
        question.position = views.messageCount(report.id) + 1;
        question.sender = MessageSender.COMMISSION;
        question.body = write.body().strip();
        question.sentOn = LocalDate.now(clock);
        question.author = caller.subject();
        em.persist(question);
        audit.stampUpdated(clue);
        em.flush();
        ClueView after = views.of(clue);
        audit.record("ASK", ENTITY_TYPE, id, before, after);
        return after;
    }

    /**
     * Sets the units and officials the clue concerns, as the commission identifies them: a public report names its
     * unit as the reporter knows it and its people as free text, and what they are is found out in handling.
     */
    public ClueView link(UUID id, IfMatch ifMatch, SubjectsWrite write) {
        Clue clue = visible(id);
        ifMatch.check(clue.version);
        List<FieldError> errors = subjectErrors(write.unitIds(), write.officialIds());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ClueView before = views.of(clue);
        clue.unitIds.clear();
        clue.unitIds.addAll(write.unitIds());
        clue.officialIds.clear();
        clue.officialIds.addAll(write.officialIds());
        audit.stampUpdated(clue);
        em.flush();
        ClueView after = views.of(clue);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    private Clue visible(UUID id) {
        return ClueAccess.readable(scope, id);
    }

    /**
     * The year's next number (the counter's row stays locked until the transaction ends, so numbers never gap), and
     * the deadline of the proposal.
     */
    private void number(Clue clue) {
        clue.status = ClueStatus.REGISTERED;
        clue.proposalDue = clue.receivedOn.plus(config.proposalWithin());
        clue.year = LocalDate.now(clock).getYear();
        clue.sequence = counters.next(SERIES, clue.year);
    }

    /** What is wrong with these units and officials: those that do not exist, each at its place in the body. */
    private List<FieldError> subjectErrors(List<UUID> unitIds, List<UUID> officialIds) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> known = units.existing(unitIds);
        for (int i = 0; i < unitIds.size(); i++) {
            if (!known.contains(unitIds.get(i))) {
                errors.add(FieldError.atPointer("/unitIds/" + i, Text.of("clue.noSuchUnit")));
            }
        }
        Set<UUID> knownPeople = officials.existing(officialIds);
        for (int i = 0; i < officialIds.size(); i++) {
            if (!knownPeople.contains(officialIds.get(i))) {
                errors.add(FieldError.atPointer("/officialIds/" + i, Text.of("clue.noSuchOfficial")));
            }
        }
        return errors;
    }

    private void requireKnown(ClueWrite write, List<FieldError> errors) {
        if (write.sourceFindingId() != null) {
            Map<UUID, UUID> found = findings.unitsOf(List.of(write.sourceFindingId()));
            if (write.source() != ClueSource.INSPECTION) {
                errors.add(FieldError.atPointer("/sourceFindingId", Text.of("clue.findingOnlyFromInspection")));
            } else if (found.isEmpty()) {
                errors.add(FieldError.atPointer("/sourceFindingId", Text.of("clue.noSuchFinding")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
