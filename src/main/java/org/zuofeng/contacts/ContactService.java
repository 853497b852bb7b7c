package org.zuofeng.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.clue.ClueChannel;
import org.zuofeng.clue.ClueService;
import org.zuofeng.clue.ClueSource;
import org.zuofeng.clue.ClueWrite;
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
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Permission;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.time.Times;
import org.zuofeng.duty.PowerItems;
import org.zuofeng.finding.FindingCategory;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;
import org.zuofeng.official.PostRole;
import org.zuofeng.unit.UnitNames;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The 亲清 register: declarations (by the official, or by a unit officer on their behalf), their red flags, reads by
 * business across officials and by official, and the commission's review. Declarations are never edited or deleted.
 */
@ApplicationScoped
@Transactional
public class ContactService {

    static final String ENTITY_TYPE = "business-contact";
    /** Referring a declaration as a clue: on the audit record, never on the feed (clues are secret). */
    static final String REFER = "REFER";
    private static final Sorting<BusinessContact> SORTING = new Sorting<>("-occurredOn",
            SortField.of("id", "id", c -> c.id, UUID.class),
            SortField.of("occurredOn", "occurredOn", c -> c.occurredOn, LocalDate.class));

    /** What a list is filtered by. */
    public record Query(String creditCode, String business, UUID officialId, UUID unitId, Set<ContactKind> kinds,
            String flag, Set<ContactStatus> statuses, LocalDate from, LocalDate to) {
    }

    private final EntityManager em;
    private final Officials officials;
    private final Units units;
    private final PowerItems powerItems;
    private final RedFlags redFlags;
    private final ContactsConfig config;
    private final ClueService clues;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;
    private final Clock clock;

    public ContactService(EntityManager em, Officials officials, Units units, PowerItems powerItems,
            RedFlags redFlags, ContactsConfig config, ClueService clues, AuditTrail audit, KeysetPager pager,
            CallerScope scope, Caller caller, Clock clock) {
        this.em = em;
        this.officials = officials;
        this.units = units;
        this.powerItems = powerItems;
        this.redFlags = redFlags;
        this.config = config;
        this.clues = clues;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    /** Declares a contact, with the red flags its rules raise. */
    public ContactView declare(ContactWrite write) {
        LocalDate today = LocalDate.now(clock);
        if (write.occurredOn().isAfter(today.plusYears(1))) {
            throw ProblemException.invalidField("/occurredOn", Text.of("contacts.tooFarAhead"));
        }
        if (write.paidBy() == null && config.paidByBusinessKinds().contains(write.kind())) {
            throw ProblemException.invalidField("/paidBy", Text.of("contacts.whoPaid", write.kind()));
        }
        UUID officialId = declarant(write);
        HeldPost post = postOn(officialId, write.occurredOn());
        List<ContactView.PowerItem> items = itemsOf(write, post.unitId());
        // One declaration at a time per business: the count of officials meeting it holds under concurrency.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "business-contact:" + write.creditCode()).getSingleResult();
        long meeting = ((Number) em.createQuery("select count(distinct c.officialId) from BusinessContact c"
                        + " where c.creditCode = :code and c.officialId <> :official and c.occurredOn > :since"
                        + " and c.occurredOn <= :day")
                .setParameter("code", write.creditCode()).setParameter("official", officialId)
                .setParameter("since", write.occurredOn().minus(config.manyOfficialsWithin()))
                .setParameter("day", write.occurredOn()).getSingleResult()).longValue() + 1;

        BusinessContact contact = new BusinessContact();
        audit.stampCreated(contact);
        contact.officialId = officialId;
        contact.unitId = post.unitId();
        contact.businessName = write.businessName().strip();
        contact.creditCode = write.creditCode();
        contact.kind = write.kind();
        contact.occurredOn = write.occurredOn();
        contact.place = write.place();
        contact.value = write.value();
        contact.paidBy = write.paidBy();
        contact.declined = Boolean.TRUE.equals(write.declined());
        contact.purpose = write.purpose();
        contact.othersPresent = write.othersPresent();
        contact.powerItems = items;
        contact.declaredOn = today;
        contact.onBehalf = scope.linkedOfficial().map(self -> !self.id().equals(officialId)).orElse(true);
        contact.flags = redFlags.of(write, new RedFlags.Context(today, items, meeting));
        contact.flagCodes = contact.flags.stream().map(ContactFlag::code).toArray(String[]::new);
        contact.status = ContactStatus.DECLARED;
        em.persist(contact);
        em.flush();
        ContactView view = views(List.of(contact)).getFirst();
        audit.record("CREATE", ENTITY_TYPE, contact.id, null, view);
        return view;
    }

    public ContactView get(UUID id) {
        return views(List.of(readable(id))).getFirst();
    }

    /** The declarations the caller may read, by business, official, unit, kind, flag, status and period. */
    public Page<ContactView> list(Query query, String sort, PageRequest page) {
        Filters filters = new Filters()
                .when(query.creditCode(), "creditCode", "e.creditCode = :creditCode")
                .when(Filters.containing(query.business()), "business",
                        "lower(e.businessName) like :business escape '\\'")
                .when(query.officialId(), "officialId", "e.officialId = :officialId")
                .when(query.unitId(), "unitId", "e.unitId in " + Units.subtreeOf("unitId"))
                .when(query.kinds(), "kinds", "e.kind in :kinds")
                .when(query.flag(), "flag", "array_contains(e.flagCodes, :flag)")
                .when(query.statuses(), "statuses", "e.status in :statuses")
                .when(query.from(), "from", "e.occurredOn >= :from")
                .when(query.to(), "to", "e.occurredOn <= :to")
                .restrictTo(scope.readable(ContactAccess.CONTACTS));
        Page<BusinessContact> found = pager.page(BusinessContact.class, filters, SORTING, sort, page);
        return new Page<>(views(found.items()), found.next(), found.totalCount());
    }

    /** Those of these declarations the caller may read, as their {@code GET} shows them (the event feed). */
    public List<ContactView> visibleAmong(Collection<UUID> ids) {
        List<UUID> readable = List.copyOf(scope.readableIds(BusinessContact.class, ids, ContactAccess.CONTACTS));
        if (readable.isEmpty()) {
            return List.of();
        }
        return views(em.createQuery("from BusinessContact c where c.id in :ids order by c.id", BusinessContact.class)
                .setParameter("ids", readable).getResultList());
    }

    /**
     * The commission's review: {@code ACCEPTED}, {@code QUESTIONED} with the question, or {@code REFERRED} with the
     * reason, which registers a clue about the official and their unit. Only a declaration not yet accepted or
     * referred is reviewed (a questioned one again, once answered).
     */
    public ContactView review(UUID id, IfMatch ifMatch, ReviewWrite write) {
        BusinessContact contact = readable(id);
        ifMatch.check(contact.version);
        if (write.decision() == ContactStatus.DECLARED) {
            throw ProblemException.invalidField("/decision", Text.of("contacts.decisions"));
        }
        if (write.decision() != ContactStatus.ACCEPTED && (write.reason() == null || write.reason().isBlank())) {
            throw ProblemException.invalidField("/reason", Text.of("contacts.reasonRequired", write.decision()));
        }
        if (contact.status == ContactStatus.ACCEPTED || contact.status == ContactStatus.REFERRED) {
            throw new ProblemException(ErrorCode.INVALID_TRANSITION, Text.of("contacts.alreadyReviewed",
                    contact.status));
        }
        ContactView before = views(List.of(contact)).getFirst();
        // The clue first: the declaration is never referred without it, not even in a flush on the way.
        UUID clue = write.decision() == ContactStatus.REFERRED
                ? clues.register(referral(contact, write.reason())).id() : null;
        contact.status = write.decision();
        contact.reviewReason = write.reason();
        contact.reviewedAt = clock.instant();
        contact.reviewedBy = caller.subject();
        contact.clueId = clue;
        audit.stampUpdated(contact);
        em.flush();
        ContactView after = views(List.of(contact)).getFirst();
        audit.record(write.decision() == ContactStatus.REFERRED ? REFER : "TRANSITION", ENTITY_TYPE, id, before,
                after);
        return after;
    }

    private ClueWrite referral(BusinessContact contact, String reason) {
        String summary = "政商交往报备 " + contact.id + "：" + contact.kind + "，" + contact.occurredOn + "，"
                + contact.businessName + "（" + contact.creditCode + "）。红色提示："
                + (contact.flags.isEmpty() ? "无" : String.join("、", List.of(contact.flagCodes))) + "。移送理由："
                + reason;
        return new ClueWrite(ClueSource.SUPERVISION, ClueChannel.OTHER, FindingCategory.MISCONDUCT,
                "政商交往：" + contact.businessName, summary, LocalDate.now(clock), List.of(contact.unitId),
                List.of(contact.officialId), null);
    }

    /** Whose contact it is: the official declaring their own, or the one a unit officer or an admin names. */
    private UUID declarant(ContactWrite write) {
        boolean forOthers = caller.hasAnyRole(Roles.ADMIN, Roles.UNIT_OFFICER);
        if (!forOthers || write.officialId() == null) {
            UUID self = scope.linkedOfficial().map(o -> o.id()).orElseThrow(() -> ProblemException.invalidField(
                    "/officialId", Text.of("contacts.officialRequired")));
            if (write.officialId() != null && !write.officialId().equals(self)) {
                throw ProblemException.invalidField("/officialId", Text.of("contacts.ownOnly"));
            }
            return self;
        }
        if (!officials.exists(write.officialId())) {
            throw ProblemException.invalidField("/officialId", Text.of("contacts.noSuchOfficial"));
        }
        return write.officialId();
    }

    /**
     * The official's post on the day (a principal's first); for a unit officer, one in their units, as if the official
     * were not there otherwise.
     */
    private HeldPost postOn(UUID officialId, LocalDate day) {
        boolean scoped = !caller.hasRole(Roles.ADMIN) && caller.hasRole(Roles.UNIT_OFFICER)
                && !scope.linkedOfficial().map(o -> o.id().equals(officialId)).orElse(false);
        return officials.postsHeldOn(List.of(officialId), day).stream()
                .filter(p -> !scoped || scope.inScope(p.unitId()))
                .min(Comparator.comparing((HeldPost p) -> p.role() != PostRole.PRINCIPAL).thenComparing(HeldPost::id))
                .orElseThrow(() -> ProblemException.invalidField(scoped ? "/officialId" : "/occurredOn",
                        Text.of(scoped ? "contacts.notInYourUnits" : "contacts.noPostThatDay", day)));
    }

    /** The power list items named, each of the unit's list in effect that day (400 at the first that is not). */
    private List<ContactView.PowerItem> itemsOf(ContactWrite write, UUID unitId) {
        if (write.powerItemCodes() == null || write.powerItemCodes().isEmpty()) {
            return List.of();
        }
        Map<String, String> inEffect = powerItems.inEffect(unitId, write.occurredOn());
        List<ContactView.PowerItem> items = new ArrayList<>();
        for (int i = 0; i < write.powerItemCodes().size(); i++) {
            String code = write.powerItemCodes().get(i);
            if (!inEffect.containsKey(code)) {
                throw ProblemException.invalidField("/powerItemCodes/" + i, Text.of("contacts.noSuchPowerItem", code));
            }
            items.add(new ContactView.PowerItem(code, inEffect.get(code)));
        }
        return items.stream().distinct().toList();
    }

    private BusinessContact readable(UUID id) {
        return scope.require(BusinessContact.class, id, ContactAccess.CONTACTS,
                () -> ProblemException.notFound("businessContact", id));
    }

    /** The declarations as the caller sees them: a referral shown only to those who may read clues. */
    private List<ContactView> views(List<BusinessContact> contacts) {
        Map<UUID, String> officialNames = officials.names(contacts.stream().map(c -> c.officialId).toList());
        UnitNames unitNames = units.namesOverTime(contacts.stream().map(c -> c.unitId).toList());
        boolean seesReferrals = Permission.CLUES_READ.roles().stream().anyMatch(caller::hasRole);
        return contacts.stream().map(c -> {
            boolean hidden = c.status == ContactStatus.REFERRED && !seesReferrals;
            return new ContactView(c.id, c.officialId, officialNames.get(c.officialId), c.unitId,
                    unitNames.on(c.unitId, c.occurredOn), c.businessName, c.creditCode, c.kind, c.occurredOn, c.place,
                    c.value, c.paidBy, c.declined, c.purpose, c.othersPresent, c.powerItems, c.declaredOn,
                    c.declaredOn.isBefore(c.occurredOn), c.createdBy, c.onBehalf, c.flags,
                    hidden ? ContactStatus.DECLARED : c.status, hidden ? null : c.reviewReason,
                    hidden ? null : Times.toWire(c.reviewedAt), hidden ? null : c.reviewedBy,
                    hidden ? null : c.clueId, c.version, Times.toWire(c.createdAt), Times.toWire(c.updatedAt),
                    hidden ? c.createdBy : c.updatedBy);
        }).toList();
    }
}
