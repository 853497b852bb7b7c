package org.zuofeng.duty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.unit.UnitRef;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A unit's power, negative and responsibility lists (§二(四)): drafted by admins and HR, published by the
 * commission. Publishing numbers the version (1, 2, … per unit and kind, in publication order, even when two are
 * published at once) and it supersedes the version before it from its effective date, which must be later; a
 * published version never changes, and every version stays readable.
 */
@ApplicationScoped
@Transactional
public class DutyListService {

    static final String ENTITY_TYPE = "duty-list";
    private static final Sorting<DutyList> SORTING = new Sorting<>("-createdAt",
            SortField.of("id", "id", l -> l.id, UUID.class),
            SortField.of("createdAt", "createdAt", l -> l.createdAt, Instant.class));

    private final EntityManager em;
    private final Units units;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;
    private final Clock clock;

    public DutyListService(EntityManager em, Units units, AuditTrail audit, KeysetPager pager, CallerScope scope,
            Caller caller, Clock clock) {
        this.em = em;
        this.units = units;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    public DutyListView draft(UUID unitId, DutyListKind kind, DutyListWrite write) {
        units.requireVisible(unitId);
        requireDistinctCodes(write);
        DutyList list = new DutyList();
        audit.stampCreated(list);
        list.unitId = unitId;
        list.kind = kind;
        list.status = DutyListStatus.DRAFT;
        list.effectiveFrom = write.effectiveFrom();
        list.items = List.copyOf(write.items());
        em.persist(list);
        em.flush();
        DutyListView view = view(list);
        audit.record("CREATE", ENTITY_TYPE, list.id, null, view);
        return view;
    }

    /** Corrects a draft; a published version is never changed (409). */
    public DutyListView update(UUID unitId, DutyListKind kind, UUID id, IfMatch ifMatch, DutyListWrite write) {
        DutyList list = visible(unitId, kind, id);
        ifMatch.check(list.version);
        requireDraft(list);
        requireDistinctCodes(write);
        DutyListView before = view(list);
        list.effectiveFrom = write.effectiveFrom();
        list.items = List.copyOf(write.items());
        audit.stampUpdated(list);
        em.flush();
        DutyListView after = view(list);
        audit.record("UPDATE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** Publishes a draft: the next number, from its effective date on, which must follow the last version's. */
    public DutyListView publish(UUID unitId, DutyListKind kind, UUID id, IfMatch ifMatch) {
        DutyList list = visible(unitId, kind, id);
        ifMatch.check(list.version);
        requireDraft(list);
        // One publication at a time per unit and kind: numbers follow each other without gaps or twins.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "duty-list:" + unitId + ":" + kind).getSingleResult();
        Object[] last = (Object[]) em.createQuery("select max(l.number), max(l.effectiveFrom) from DutyList l"
                        + " where l.unitId = :unit and l.kind = :kind and l.status = :published")
                .setParameter("unit", unitId).setParameter("kind", kind)
                .setParameter("published", DutyListStatus.PUBLISHED).getSingleResult();
        LocalDate lastEffective = (LocalDate) last[1];
        if (lastEffective != null && !list.effectiveFrom.isAfter(lastEffective)) {
            throw new ProblemException(ErrorCode.LIST_NOT_LATER, Text.of("duty.versionTakesEffectNewVersion", last[0],
                    lastEffective));
        }
        DutyListView before = view(list);
        list.number = last[0] == null ? 1 : ((Number) last[0]).intValue() + 1;
        list.status = DutyListStatus.PUBLISHED;
        list.publishedAt = clock.instant();
        list.publishedBy = caller.subject();
        audit.stampUpdated(list);
        em.flush();
        DutyListView after = view(list);
        audit.record("PUBLISH", ENTITY_TYPE, id, before, after);
        return after;
    }

    public DutyListView get(UUID unitId, DutyListKind kind, UUID id) {
        return view(visible(unitId, kind, id));
    }

    /** The versions of a unit's list the caller may read, newest first. */
    public Page<DutyListView> versions(UUID unitId, DutyListKind kind, String sort, PageRequest page) {
        units.requireVisible(unitId);
        Filters filters = new Filters()
                .always("e.unitId = :unit and e.kind = :kind", Map.of("unit", unitId, "kind", kind))
                .restrictTo(scope.readable(DutyListAccess.LISTS));
        return pager.page(DutyList.class, filters, SORTING, sort, page).map(DutyListService::view);
    }

    /** The published version in effect on {@code day} (404 when none is yet). */
    public DutyListView inEffect(UUID unitId, DutyListKind kind, LocalDate day) {
        units.requireVisible(unitId);
        return current(unitId, kind, day);
    }

    /** What changed from published version {@code from} to version {@code to}, by item code. */
    public DutyListDiff diff(UUID unitId, DutyListKind kind, int from, int to) {
        units.requireVisible(unitId);
        List<DutyItem> before = numbered(unitId, kind, from).items;
        List<DutyItem> after = numbered(unitId, kind, to).items;
        Map<String, DutyItem> old = byCode(before);
        Map<String, DutyItem> now = byCode(after);
        List<DutyItem> added = after.stream().filter(i -> !old.containsKey(i.code())).toList();
        List<DutyItem> removed = before.stream().filter(i -> !now.containsKey(i.code())).toList();
        List<DutyListDiff.Changed> changed = new ArrayList<>();
        after.stream().filter(i -> old.containsKey(i.code()) && !old.get(i.code()).equals(i))
                .forEach(i -> changed.add(new DutyListDiff.Changed(i.code(), old.get(i.code()), i)));
        return new DutyListDiff(from, to, added, removed, changed);
    }

    /** For everyone: the version in effect today of the unit with this code (404 when none). */
    public PublicDutyListView publicCurrent(String code, DutyListKind kind) {
        UnitRef unit = units.findByCode(code).orElseThrow(() -> ProblemException.notFound("unit", code));
        return publicView(code, unit, current(unit.id(), kind, LocalDate.now(clock)));
    }

    /** For everyone: the published versions of the unit with this code, newest first. */
    public Page<PublicDutyListView> publicVersions(String code, DutyListKind kind, String sort, PageRequest page) {
        UnitRef unit = units.findByCode(code).orElseThrow(() -> ProblemException.notFound("unit", code));
        Filters filters = new Filters().always("e.unitId = :unit and e.kind = :kind and e.status = :published",
                Map.of("unit", unit.id(), "kind", kind, "published", DutyListStatus.PUBLISHED));
        return pager.page(DutyList.class, filters, SORTING, sort, page)
                .map(l -> publicView(code, unit, view(l)));
    }

    private static PublicDutyListView publicView(String code, UnitRef unit, DutyListView v) {
        return new PublicDutyListView(code, unit.name(), v.kind(), v.number(), v.effectiveFrom(), v.items(),
                v.publishedAt());
    }

    private DutyListView current(UUID unitId, DutyListKind kind, LocalDate day) {
        return em.createQuery("select l from DutyList l where l.unitId = :unit and l.kind = :kind"
                        + " and l.status = :published and l.effectiveFrom <= :day order by l.effectiveFrom desc",
                        DutyList.class)
                .setParameter("unit", unitId).setParameter("kind", kind)
                .setParameter("published", DutyListStatus.PUBLISHED).setParameter("day", day).setMaxResults(1)
                .getResultStream().findFirst().map(DutyListService::view)
                .orElseThrow(() -> ProblemException.notFound("currentList", kind, unitId));
    }

    private DutyList numbered(UUID unitId, DutyListKind kind, int number) {
        return em.createQuery("select l from DutyList l where l.unitId = :unit and l.kind = :kind"
                        + " and l.number = :number", DutyList.class)
                .setParameter("unit", unitId).setParameter("kind", kind).setParameter("number", number)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("listVersionOfUnit", number, kind, unitId));
    }

    private DutyList visible(UUID unitId, DutyListKind kind, UUID id) {
        DutyList list = scope.require(DutyList.class, id, DutyListAccess.LISTS,
                () -> ProblemException.notFound("listVersion", id));
        if (!list.unitId.equals(unitId) || list.kind != kind) {
            throw ProblemException.notFound("listVersion", id);
        }
        return list;
    }

    private static void requireDraft(DutyList list) {
        if (list.status != DutyListStatus.DRAFT) {
            throw new ProblemException(ErrorCode.LIST_PUBLISHED, Text.of("duty.versionPublishedNeverChangesDraft",
                    list.number));
        }
    }

    private static void requireDistinctCodes(DutyListWrite write) {
        Set<String> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < write.items().size(); i++) {
            if (!seen.add(write.items().get(i).code())) {
                errors.add(FieldError.atPointer("/items/" + i + "/code", Text.of("field.codeEarlierItem")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static Map<String, DutyItem> byCode(List<DutyItem> items) {
        Map<String, DutyItem> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(i.code(), i));
        return map;
    }

    static DutyListView view(DutyList l) {
        return new DutyListView(l.id, l.unitId, l.kind, l.number, l.effectiveFrom, l.status, l.items,
                Times.toWire(l.publishedAt), l.publishedBy, l.version, Times.toWire(l.createdAt), l.createdBy,
                Times.toWire(l.updatedAt), l.updatedBy);
    }
}
