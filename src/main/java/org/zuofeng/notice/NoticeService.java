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
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Supervision notices as drafts and records: drafted, corrected and deleted (drafts only) by the commission, listed
 * and read as {@link NoticeAccess} lets each caller. Their steps are {@link NoticeLifecycle}'s, issuing and numbering
 * {@link NoticeIssuing}'s, the unit's answers {@link NoticeResponses}'.
 */
@ApplicationScoped
@Transactional
public class NoticeService {

    public static final String ENTITY_TYPE = "supervision-notice";

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
    private final NoticeChecks checks;
    private final NoticeViews views;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, NoticeChecks checks, NoticeViews views, AuditTrail audit,
            Transitions transitions, KeysetPager pager, CallerScope scope, Clock clock) {
        this.notices = notices;
        this.checks = checks;
        this.views = views;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.scope = scope;
        this.clock = clock;
    }

    /** Drafts a notice; it has no number until it is issued. */
    public NoticeView create(NoticeWrite write) {
        checks.validate(write);
        SupervisionNotice notice = new SupervisionNotice();
        notice.status = NoticeStatus.DRAFT;
        apply(write, notice);
        audit.stampCreated(notice);
        notices.persistAndFlush(notice);
        NoticeView view = views.of(notice);
        audit.record("CREATE", ENTITY_TYPE, notice.id, null, view);
        return view;
    }

    public NoticeView get(UUID id) {
        return views.of(visible(id));
    }

    /** Corrects a draft; issued notices are changed only through their lifecycle. */
    public NoticeView update(UUID id, IfMatch ifMatch, NoticeWrite write) {
        SupervisionNotice notice = visible(id);
        ifMatch.check(notice.version);
        checks.requireDraft(notice);
        NoticeView before = views.of(notice);
        checks.validate(write);
        apply(write, notice);
        if (views.unchanged(notice, before)) {
            return before;
        }
        audit.stampUpdated(notice);
        notices.flush();
        NoticeView after = views.of(notice);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Deletes a draft (it is kept, hidden, as the audit log's record); an issued notice is never deleted. */
    public void delete(UUID id, IfMatch ifMatch) {
        SupervisionNotice notice = visible(id);
        ifMatch.check(notice.version);
        checks.requireDraft(notice);
        NoticeView before = views.of(notice);
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
                            ? Units.subtreeOf("addresseeUnitId") + ")"
                            : "(:addresseeUnitId))"));
        }
        if (query.overdue() != null) {
            String overdue = "(e.type = :rectification and e.status in :awaiting and e.deadline < :today)";
            filters.where(query.overdue() ? overdue : "not " + overdue,
                    Map.of("rectification", NoticeType.RECTIFICATION_NOTICE, "awaiting", AWAITING, "today", today));
        }
        filters.restrictTo(scope.readable(NoticeAccess.NOTICES));
        Page<SupervisionNotice> found = pager.page(SupervisionNotice.class, filters, SORTING, sort, page);
        return new Page<>(views.of(found.items()), found.next(), found.totalCount());
    }

    /** For the event feed ({@link NoticeEvents}): those of these notices the caller may see, as the list shows them. */
    public List<NoticeView> visibleAmong(Collection<UUID> ids) {
        Filters filters = new Filters().among(ids).restrictTo(scope.readable(NoticeAccess.NOTICES));
        return views.of(pager.pageById(SupervisionNotice.class, filters, SORTING,
                new PageRequest(ids.size(), null, false)).items());
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        visible(id);
        return transitions.history(ENTITY_TYPE, id, sort, page);
    }

    /** The notice if the caller may see it ({@link NoticeAccess}); 404 otherwise (deleted drafts do not exist). */
    SupervisionNotice visible(UUID id) {
        return scope.require(SupervisionNotice.class, id, NoticeAccess.NOTICES,
                () -> ProblemException.notFound("supervisionNotice", id));
    }

    private void apply(NoticeWrite write, SupervisionNotice notice) {
        notice.type = write.type();
        notice.title = write.title();
        notice.body = write.body();
        notice.deadline = write.deadline();
        notice.talkScheduledAt = Times.fromWire(write.talkScheduledAt());
        notice.area = write.area();
        notice.medium = write.type() != NoticeType.PUBLIC_EXPOSURE ? null
                : write.medium() == null ? ExposureMedium.WRITTEN : write.medium();
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
}
