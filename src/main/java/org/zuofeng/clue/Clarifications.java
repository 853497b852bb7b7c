package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.official.HeldPost;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Clarifications (澄清正名): once a clue about an official is concluded unfounded or only partly founded, the
 * commission may clear the official's name with a public notice, once per clue and official. The public reads the
 * notices, newest first, with the official's name and post on the day; nothing of the clue behind them.
 */
@ApplicationScoped
@Transactional
public class Clarifications {

    static final String ENTITY_TYPE = "clue-clarification";

    /** The outcomes that may clear a name: a clue that proved unfounded, or founded only in part. */
    private static final Set<ClueOutcome> CLEARING = EnumSet.of(ClueOutcome.UNFOUNDED, ClueOutcome.PARTLY_FOUNDED);

    private static final Sorting<ClueClarification> SORTING = new Sorting<>("-publishedOn",
            SortField.of("id", "id", c -> c.id, UUID.class),
            SortField.of("publishedOn", "publishedOn", c -> c.publishedOn, LocalDate.class));

    private final EntityManager em;
    private final AuditTrail audit;
    private final CallerScope scope;
    private final Caller caller;
    private final KeysetPager pager;
    private final Units units;
    private final Officials officials;
    private final Clock clock;

    Clarifications(EntityManager em, AuditTrail audit, CallerScope scope, Caller caller, KeysetPager pager,
            Units units, Officials officials, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.scope = scope;
        this.caller = caller;
        this.pager = pager;
        this.units = units;
        this.officials = officials;
        this.clock = clock;
    }

    /** Publishes a clarification for an official of a concluded clue that cleared them, today. */
    public ClarificationView publish(UUID clueId, ClarificationWrite write) {
        Clue clue = ClueAccess.readable(scope, clueId);
        em.lock(clue, LockModeType.PESSIMISTIC_WRITE);
        if (clue.status != ClueStatus.CONCLUDED || !CLEARING.contains(clue.outcome)) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.clarifiesOnlyUnfounded", clue.status,
                    clue.outcome == null ? "-" : clue.outcome));
        }
        if (!clue.officialIds.contains(write.officialId())) {
            throw ProblemException.invalidField("/officialId", Text.of("clue.clarifiesOnlyItsOfficials"));
        }
        if (!clue.unitIds.contains(write.unitId())) {
            throw ProblemException.invalidField("/unitId", Text.of("clue.clarifiesOnlyInItsUnits"));
        }
        boolean published = !em.createQuery("select c.id from ClueClarification c where c.clueId = :clue"
                        + " and c.officialId = :official", UUID.class)
                .setParameter("clue", clueId).setParameter("official", write.officialId()).getResultList().isEmpty();
        if (published) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.clarifiedAlready"));
        }
        ClueClarification clarification = new ClueClarification();
        clarification.id = Ids.newId();
        clarification.clueId = clueId;
        clarification.officialId = write.officialId();
        clarification.unitId = write.unitId();
        clarification.title = write.title().strip();
        clarification.body = write.body().strip();
        clarification.publishedOn = LocalDate.now(clock);
        clarification.createdAt = clock.instant();
        clarification.createdBy = caller.subject();
        em.persist(clarification);
        em.flush();
        ClarificationView view = views(List.of(clarification)).getFirst();
        audit.record("CREATE", ENTITY_TYPE, clarification.id, null, Map.of("clueId", clueId, "notice", view));
        return view;
    }

    /** The published clarifications, newest first; of a year if given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClarificationView> list(Integer year, String sort, PageRequest page) {
        Filters filters = new Filters().when(year == null ? null : LocalDate.of(year, 1, 1), "yearStart",
                        "e.publishedOn >= :yearStart")
                .when(year == null ? null : LocalDate.of(year + 1, 1, 1), "yearEnd", "e.publishedOn < :yearEnd");
        Page<ClueClarification> found = pager.page(ClueClarification.class, filters, SORTING, sort, page);
        return new Page<>(views(found.items()), found.next(), found.totalCount());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClarificationView get(UUID id) {
        ClueClarification clarification = em.find(ClueClarification.class, id);
        if (clarification == null) {
            throw ProblemException.notFound("clarification", id);
        }
        return views(List.of(clarification)).getFirst();
    }

    /** The public views of these clarifications, read in three statements whatever their number. */
    private List<ClarificationView> views(List<ClueClarification> clarifications) {
        Set<UUID> people = new HashSet<>();
        Set<UUID> shownUnits = new HashSet<>();
        clarifications.forEach(c -> {
            people.add(c.officialId);
            shownUnits.add(c.unitId);
        });
        Map<UUID, String> names = officials.names(people);
        Map<UUID, String> unitNames = units.names(shownUnits);
        List<HeldPost> held = clarifications.isEmpty() ? List.of() : officials.postsHeldBetween(people,
                clarifications.stream().map(c -> c.publishedOn).min(LocalDate::compareTo).orElseThrow(),
                clarifications.stream().map(c -> c.publishedOn).max(LocalDate::compareTo).orElseThrow());
        List<ClarificationView> views = new ArrayList<>();
        for (ClueClarification c : clarifications) {
            String post = held.stream().filter(p -> p.officialId().equals(c.officialId)
                            && p.unitId().equals(c.unitId) && p.activeOn(c.publishedOn))
                    .map(HeldPost::title).findFirst().orElse(null);
            views.add(new ClarificationView(c.id, c.title, c.body, c.publishedOn,
                    new ClarificationView.Official(names.get(c.officialId), unitNames.get(c.unitId), post)));
        }
        return views;
    }
}
