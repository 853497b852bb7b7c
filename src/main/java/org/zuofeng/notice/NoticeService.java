package org.zuofeng.notice;

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
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.finding.FindingRepository;
import org.zuofeng.finding.FindingService;
import org.zuofeng.finding.FindingStatus;
import org.zuofeng.official.Official;
import org.zuofeng.official.OfficialRepository;
import org.zuofeng.official.Post;
import org.zuofeng.official.PostRepository;
import org.zuofeng.official.PostRole;
import org.zuofeng.unit.Unit;
import org.zuofeng.unit.UnitRepository;
import org.zuofeng.unit.UnitStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Supervision notices: drafted and issued by the commission, numbered without gaps per type and year, answered by
 * the addressed units (rectification notices), and published when public. Issuing and accepting move the cited
 * findings along; admonition talks summon the unit's leaders of the issue date.
 */
@ApplicationScoped
@Transactional
public class NoticeService {

    public static final String ENTITY_TYPE = "supervision-notice";

    /** Bulletins, admonition talks and exposures. */
    static final Lifecycle<NoticeStatus> LIFECYCLE = Lifecycle.of(NoticeStatus.class)
            .step(NoticeStatus.ISSUED, NoticeStatus.DRAFT)
            .step(NoticeStatus.CLOSED, NoticeStatus.ISSUED)
            .step(NoticeStatus.WITHDRAWN, NoticeStatus.ISSUED)
            .noteRequired(NoticeStatus.WITHDRAWN)
            .build();

    /** Rectification notices; the unit's response (not a transition) takes them to RESPONDED. */
    static final Lifecycle<NoticeStatus> RECTIFICATION = Lifecycle.of(NoticeStatus.class)
            .step(NoticeStatus.ISSUED, NoticeStatus.DRAFT)
            .step(NoticeStatus.ACCEPTED, NoticeStatus.RESPONDED)
            .step(NoticeStatus.RETURNED, NoticeStatus.RESPONDED)
            .step(NoticeStatus.CLOSED, NoticeStatus.ACCEPTED)
            .step(NoticeStatus.WITHDRAWN, NoticeStatus.ISSUED, NoticeStatus.RESPONDED, NoticeStatus.ACCEPTED)
            .noteRequired(NoticeStatus.RETURNED)
            .noteRequired(NoticeStatus.WITHDRAWN)
            .build();

    private static final Set<NoticeStatus> AWAITING = EnumSet.of(NoticeStatus.ISSUED, NoticeStatus.RESPONDED,
            NoticeStatus.RETURNED);

    private static final Sorting<SupervisionNotice> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", n -> n.id, UUID.class),
            SortField.of("createdAt", "createdAt", n -> n.createdAt, Instant.class),
            SortField.of("updatedAt", "updatedAt", n -> n.updatedAt, Instant.class));

    /** The filters of the notice list. */
    public record Query(Set<NoticeType> types, Set<NoticeStatus> statuses, UUID addresseeUnitId,
            boolean includeSubunits, Boolean overdue, Integer year, OffsetDateTime updatedSince) {
    }

    private final NoticeRepository notices;
    private final UnitRepository units;
    private final FindingRepository findings;
    private final FindingService findingService;
    private final OfficialRepository officials;
    private final PostRepository posts;
    private final NoticeMapper mapper;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Caller caller;
    private final CallerScope scope;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, UnitRepository units, FindingRepository findings,
            FindingService findingService, OfficialRepository officials,
            PostRepository posts, NoticeMapper mapper, AuditTrail audit, Transitions transitions, KeysetPager pager,
            Caller caller, CallerScope scope, Clock clock) {
        this.notices = notices;
        this.units = units;
        this.findings = findings;
        this.findingService = findingService;
        this.officials = officials;
        this.posts = posts;
        this.mapper = mapper;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
    }

    /** Drafts a notice; it has no number until it is issued. */
    public NoticeView create(NoticeWrite write) {
        validate(write);
        SupervisionNotice notice = new SupervisionNotice();
        notice.status = NoticeStatus.DRAFT;
        apply(write, notice);
        audit.stampCreated(notice);
        notices.persistAndFlush(notice);
        NoticeView view = view(notice);
        audit.record("CREATE", ENTITY_TYPE, notice.id, null, view);
        return view;
    }

    public NoticeView get(UUID id) {
        return view(visible(id));
    }

    /** Corrects a draft; issued notices are changed only through their lifecycle. */
    public NoticeView update(UUID id, IfMatch ifMatch, NoticeWrite write) {
        SupervisionNotice notice = visible(id);
        ifMatch.check(notice.version);
        requireDraft(notice);
        NoticeView before = view(notice);
        validate(write);
        apply(write, notice);
        if (mapper.toView(notice, before.overdue(), before.responses()).equals(before)) {
            return before;
        }
        audit.stampUpdated(notice);
        notices.flush();
        NoticeView after = view(notice);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Deletes a draft (it is kept, hidden, as the audit log's record); an issued notice is never deleted. */
    public void delete(UUID id, IfMatch ifMatch) {
        SupervisionNotice notice = visible(id);
        ifMatch.check(notice.version);
        requireDraft(notice);
        NoticeView before = view(notice);
        notice.deletedAt = clock.instant();
        audit.stampUpdated(notice);
        notices.flush();
        audit.record("DELETE", ENTITY_TYPE, id, before, null);
    }

    public Page<NoticeView> list(Query query, String sort, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        Filters filters = new Filters()
                .when(query.types(), "types", "e.type in :types")
                .when(query.statuses(), "statuses", "e.status in :statuses")
                .when(query.year(), "year", "e.serialYear = :year")
                .when(Times.fromWire(query.updatedSince()), "updatedSince", "e.updatedAt >= :updatedSince");
        if (query.addresseeUnitId() != null) {
            filters.shapedBy("includeSubunits", query.includeSubunits()).when(query.addresseeUnitId(),
                    "addresseeUnitId", "exists (select 1 from SupervisionNotice ax join ax.addresseeUnitIds au"
                            + " where ax.id = e.id and au in " + (query.includeSubunits()
                            ? "(select u.id from Unit u where u.id = :addresseeUnitId"
                            + " or array_contains(u.path, :addresseeUnitId)))"
                            : "(:addresseeUnitId))"));
        }
        if (query.overdue() != null) {
            String overdue = "(e.type = :rectification and e.status in :awaiting and e.deadline < :today)";
            filters.where(query.overdue() ? overdue : "not " + overdue,
                    Map.of("rectification", NoticeType.RECTIFICATION_NOTICE, "awaiting", AWAITING, "today", today));
        }
        filters.restrictTo(scope.readable(NoticeAccess.NOTICES));
        Page<SupervisionNotice> found = pager.page(SupervisionNotice.class, filters, SORTING, sort, page);
        return new Page<>(views(found.items()), found.next(), found.totalCount());
    }

    /**
     * Moves a notice along its lifecycle (commission and admins). Issuing numbers it, checks it once more against
     * the issue date, summons an admonition talk's leaders and moves a rectification notice's open findings to
     * RECTIFYING; accepting a response moves them to RECTIFIED.
     */
    public NoticeView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        SupervisionNotice notice = visible(id);
        ifMatch.check(notice.version);
        Lifecycle<NoticeStatus> lifecycle = lifecycleOf(notice.type);
        NoticeStatus to = lifecycle.parse(request.to);
        Transitions.Step<NoticeStatus> step = transitions.check(lifecycle, notice.status, to, request);
        NoticeView before = view(notice);
        if (to == NoticeStatus.ISSUED) {
            issue(notice);
        } else if (to == NoticeStatus.ACCEPTED) {
            findingService.follow(notice.findingIds, FindingStatus.RECTIFYING, FindingStatus.RECTIFIED,
                    "Rectification accepted under notice " + label(notice));
        }
        notice.status = to;
        audit.stampUpdated(notice);
        notices.flush();
        transitions.record(ENTITY_TYPE, id, step);
        NoticeView after = view(notice);
        audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
        return after;
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        visible(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /**
     * A unit's rectification report, by an officer of an addressed unit: the notice goes to RESPONDED and waits for
     * the commission to accept it or return it.
     */
    public NoticeView respond(UUID id, ResponseWrite write) {
        SupervisionNotice notice = visible(id);
        if (!caller.hasRole(Roles.ADMIN)
                && !(caller.hasRole(Roles.UNIT_OFFICER) && scope.anyInScope(notice.addresseeUnitIds))) {
            throw new ProblemException(ErrorCode.FORBIDDEN, "Only officers of the addressed unit respond");
        }
        if (notice.type != NoticeType.RECTIFICATION_NOTICE
                || notice.status != NoticeStatus.ISSUED && notice.status != NoticeStatus.RETURNED) {
            throw new ProblemException(ErrorCode.NOTICE_NOT_AWAITING_RESPONSE, "Notice " + id + " is "
                    + notice.status + (notice.type == NoticeType.RECTIFICATION_NOTICE ? ""
                    : "; only rectification notices take responses"));
        }
        NoticeView before = view(notice);
        NoticeResponse response = new NoticeResponse();
        response.noticeId = id;
        response.measures = write.measures();
        response.completedOn = write.completedOn();
        audit.stampCreated(response);
        notices.persistResponse(response);
        Transitions.Step<NoticeStatus> step = new Transitions.Step<>(notice.status, NoticeStatus.RESPONDED, null);
        notice.status = NoticeStatus.RESPONDED;
        audit.stampUpdated(notice);
        notices.flush();
        transitions.record(ENTITY_TYPE, id, step);
        NoticeView after = view(notice);
        audit.record("RESPOND", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** The notice if the caller may see it ({@link NoticeAccess}); 404 otherwise (deleted drafts do not exist). */
    public SupervisionNotice visible(UUID id) {
        return scope.require(SupervisionNotice.class, id, NoticeAccess.NOTICES,
                () -> ProblemException.notFound("Supervision notice", id));
    }

    /** The response and its notice, if the caller may see the notice. */
    public NoticeResponse visibleResponse(UUID noticeId, UUID responseId) {
        visible(noticeId);
        return notices.findResponse(responseId).filter(r -> r.noticeId.equals(noticeId))
                .orElseThrow(() -> ProblemException.notFound("Response", responseId));
    }

    private void issue(SupervisionNotice notice) {
        Instant now = clock.instant();
        LocalDate issueDate = now.atZone(Times.ZONE).toLocalDate();
        requireActiveAddressees(notice.addresseeUnitIds);
        findingService.requireRevealed(notice.findingIds);
        List<FieldError> outside = outsideAddressees(List.copyOf(notice.addresseeUnitIds),
                List.copyOf(notice.findingIds), List.copyOf(notice.officialIds), issueDate);
        if (!outside.isEmpty()) {
            throw new ProblemException(ErrorCode.NOT_OF_ADDRESSED_UNITS, "The notice cites findings or names "
                    + "officials outside its addressed units on the issue date " + issueDate, outside);
        }
        if (notice.deadline != null && notice.deadline.isBefore(issueDate)) {
            throw new ProblemException(ErrorCode.DEADLINE_BEFORE_ISSUE, "The deadline " + notice.deadline
                    + " is before the issue date " + issueDate + "; correct the draft first");
        }
        if (notice.type == NoticeType.ADMONITION_TALK) {
            summon(notice, issueDate);
        }
        // Number, issue date and status change together: the database holds them to each other at every flush.
        int sequence = notices.nextSequence(notice.type, issueDate.getYear());
        notice.serialYear = issueDate.getYear();
        notice.serialSequence = sequence;
        notice.issuedAt = now;
        notice.issuedBy = caller.subject();
        notice.status = NoticeStatus.ISSUED;
        if (notice.type == NoticeType.RECTIFICATION_NOTICE) {
            findingService.follow(notice.findingIds, FindingStatus.OPEN, FindingStatus.RECTIFYING,
                    "Rectification notice " + label(notice) + " issued");
        }
    }

    /**
     * The officials named by the notice, or else the addressee's principal and deputies in charge that day (only
     * the deputy in charge of the notice's area, when it names one).
     */
    private void summon(SupervisionNotice notice, LocalDate issueDate) {
        UUID unitId = notice.addresseeUnitIds.iterator().next();
        notice.summoned.clear();
        if (!notice.officialIds.isEmpty()) {
            Map<UUID, Post> held = posts.inUnitOn(unitId, issueDate).stream()
                    .collect(Collectors.toMap(p -> p.officialId, Function.identity(), (a, b) -> a));
            for (Official official : officials.list("id in ?1", notice.officialIds)) {
                notice.summoned.add(summoned(official, held.get(official.id)));
            }
            return;
        }
        List<Post> leaders = posts.inUnitOn(unitId, issueDate).stream()
                .filter(p -> p.answersFor(notice.area))
                .sorted((a, b) -> a.role.compareTo(b.role)).toList();
        if (leaders.stream().noneMatch(p -> p.role == PostRole.PRINCIPAL)) {
            throw new ProblemException(ErrorCode.UNIT_HAS_NO_PRINCIPAL,
                    "Unit " + unitId + " has no principal on " + issueDate + " to summon");
        }
        Map<UUID, Official> byId = officials.list("id in ?1", leaders.stream().map(p -> p.officialId).toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        leaders.forEach(p -> notice.summoned.add(summoned(byId.get(p.officialId), p)));
    }

    private static Summoned summoned(Official official, Post post) {
        Summoned summoned = new Summoned();
        summoned.officialId = official.id;
        summoned.name = official.name;
        summoned.role = post == null ? null : post.role;
        summoned.title = post == null ? null : post.title;
        return summoned;
    }

    private void validate(NoticeWrite write) {
        List<FieldError> errors = new ArrayList<>();
        boolean servedOnOne = write.type() == NoticeType.RECTIFICATION_NOTICE
                || write.type() == NoticeType.ADMONITION_TALK;
        if (servedOnOne && write.addresseeUnitIds().size() != 1) {
            errors.add(FieldError.atPointer("/addresseeUnitIds", "a " + write.type() + " is served on exactly one unit"));
        }
        if (new HashSet<>(write.addresseeUnitIds()).size() != write.addresseeUnitIds().size()) {
            errors.add(FieldError.atPointer("/addresseeUnitIds", "each unit may appear only once"));
        }
        if (write.type() == NoticeType.RECTIFICATION_NOTICE && write.deadline() == null) {
            errors.add(FieldError.atPointer("/deadline", "is required for a rectification notice"));
        } else if (write.type() != NoticeType.RECTIFICATION_NOTICE && write.deadline() != null) {
            errors.add(FieldError.atPointer("/deadline", "is only for rectification notices"));
        } else if (write.deadline() != null && write.deadline().isBefore(LocalDate.now(clock))) {
            errors.add(FieldError.atPointer("/deadline", "must not be in the past"));
        }
        if (write.talkScheduledAt() != null && write.type() != NoticeType.ADMONITION_TALK) {
            errors.add(FieldError.atPointer("/talkScheduledAt", "is only for admonition talks"));
        }
        if (write.area() != null && write.type() != NoticeType.ADMONITION_TALK) {
            errors.add(FieldError.atPointer("/area", "is only for admonition talks"));
        } else if (write.area() != null && !write.officials().isEmpty()) {
            errors.add(FieldError.atPointer("/area", "chooses whom to summon; leave it out when naming officialIds"));
        }
        if (write.type() == NoticeType.PUBLIC_EXPOSURE && write.visibility() == Visibility.INTERNAL) {
            errors.add(FieldError.atPointer("/visibility", "a public exposure is always PUBLIC"));
        }
        for (int n = 0; n < write.addresseeUnitIds().size(); n++) {
            if (units.findByIdOptional(write.addresseeUnitIds().get(n)).isEmpty()) {
                errors.add(FieldError.atPointer("/addresseeUnitIds/" + n, "unit not found"));
            }
        }
        Set<UUID> knownFindings = write.findings().isEmpty() ? Set.of() : findings.list("id in ?1",
                write.findings()).stream().map(f -> f.id).collect(Collectors.toSet());
        for (int n = 0; n < write.findings().size(); n++) {
            if (!knownFindings.contains(write.findings().get(n))) {
                errors.add(FieldError.atPointer("/findingIds/" + n, "finding not found"));
            }
        }
        Set<UUID> knownOfficials = write.officials().isEmpty() ? Set.of() : officials.list("id in ?1",
                write.officials()).stream().map(o -> o.id).collect(Collectors.toSet());
        for (int n = 0; n < write.officials().size(); n++) {
            if (!knownOfficials.contains(write.officials().get(n))) {
                errors.add(FieldError.atPointer("/officialIds/" + n, "official not found"));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(outsideAddressees(write.addresseeUnitIds(), write.findings(), write.officials(),
                    LocalDate.now(clock)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        requireActiveAddressees(write.addresseeUnitIds());
        findingService.requireRevealed(write.findings());
    }

    private void requireActiveAddressees(Collection<UUID> unitIds) {
        for (UUID unitId : unitIds) {
            Unit unit = units.findById(unitId);
            if (unit.status != UnitStatus.ACTIVE) {
                throw new ProblemException(ErrorCode.UNIT_DISSOLVED,
                        "Unit " + unitId + " is dissolved and cannot be addressed");
            }
        }
    }

    /**
     * What a notice cites or names must belong to the units it is addressed to (which alone read it, and answer it):
     * each finding is about an addressed unit or one below it, each official holds a post there on {@code day}.
     * Returns a field error for each that does not.
     */
    private List<FieldError> outsideAddressees(List<UUID> addressees, List<UUID> findingIds, List<UUID> officialIds,
            LocalDate day) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> addressed = units.subtreeIds(addressees);
        Map<UUID, UUID> unitOf = findingService.unitsOf(findingIds);
        for (int n = 0; n < findingIds.size(); n++) {
            UUID unit = unitOf.get(findingIds.get(n));
            if (unit != null && !addressed.contains(unit)) {
                errors.add(new FieldError("/findingIds/" + n, null,
                        "is about a unit that is neither addressed nor below an addressed unit",
                        "NOT_OF_ADDRESSED_UNITS"));
            }
        }
        Set<UUID> inPost = new HashSet<>(posts.officialsInPostIn(officialIds, addressed, day));
        for (int n = 0; n < officialIds.size(); n++) {
            if (!inPost.contains(officialIds.get(n))) {
                errors.add(new FieldError("/officialIds/" + n, null, "holds no post on " + day
                        + " in an addressed unit or below one", "NOT_OF_ADDRESSED_UNITS"));
            }
        }
        return errors;
    }

    private void requireDraft(SupervisionNotice notice) {
        if (notice.status != NoticeStatus.DRAFT) {
            throw new ProblemException(ErrorCode.NOTICE_ISSUED,
                    "Notice " + notice.id + " is " + notice.status + "; only drafts are edited or deleted");
        }
    }

    private static Lifecycle<NoticeStatus> lifecycleOf(NoticeType type) {
        return type == NoticeType.RECTIFICATION_NOTICE ? RECTIFICATION : LIFECYCLE;
    }

    private static String label(SupervisionNotice notice) {
        NoticeView.SerialNumber serial = NoticeView.SerialNumber.of(notice.serialYear, notice.serialSequence);
        return serial == null ? notice.id.toString() : serial.label();
    }

    private void apply(NoticeWrite write, SupervisionNotice notice) {
        notice.type = write.type();
        notice.title = write.title();
        notice.body = write.body();
        notice.deadline = write.deadline();
        notice.talkScheduledAt = Times.fromWire(write.talkScheduledAt());
        notice.area = write.area();
        notice.visibility = write.type() == NoticeType.PUBLIC_EXPOSURE ? Visibility.PUBLIC
                : write.visibility() == null ? Visibility.INTERNAL : write.visibility();
        replace(notice.addresseeUnitIds, write.addresseeUnitIds());
        replace(notice.findingIds, write.findings());
        replace(notice.officialIds, write.officials());
    }

    private static void replace(Set<UUID> current, List<UUID> wanted) {
        if (!current.equals(new HashSet<>(wanted))) {
            current.clear();
            current.addAll(wanted);
        }
    }

    private NoticeView view(SupervisionNotice notice) {
        return views(List.of(notice)).get(0);
    }

    private List<NoticeView> views(List<SupervisionNotice> list) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<NoticeResponse>> responses = notices.responsesOf(list.stream().map(n -> n.id).toList());
        return list.stream().map(n -> mapper.toView(n, n.overdueOn(today), responses
                .getOrDefault(n.id, List.of()).stream().map(mapper::toView).toList())).toList();
    }
}
