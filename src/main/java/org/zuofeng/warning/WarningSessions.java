package org.zuofeng.warning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.problem.FieldError;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.time.Times;
import org.zuofeng.official.Officials;
import org.zuofeng.unit.Units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Warning-education sessions (开展警示教育): a unit records each one it held, studying published typical cases, with
 * the officials who attended (each holding a post in the unit that day); a unit officer records their own units'.
 */
@ApplicationScoped
@Transactional
public class WarningSessions {

    static final String ENTITY_TYPE = "warning-session";
    private static final Sorting<WarningSession> SORTING = new Sorting<>("-heldOn",
            SortField.of("id", "id", s -> s.id, UUID.class),
            SortField.of("heldOn", "heldOn", s -> s.heldOn, LocalDate.class));

    private final EntityManager em;
    private final Units units;
    private final Officials officials;
    private final TypicalCases typicalCases;
    private final AuditTrail audit;
    private final KeysetPager pager;
    private final CallerScope scope;
    private final Caller caller;

    public WarningSessions(EntityManager em, Units units, Officials officials, TypicalCases typicalCases,
            AuditTrail audit, KeysetPager pager, CallerScope scope, Caller caller) {
        this.em = em;
        this.units = units;
        this.officials = officials;
        this.typicalCases = typicalCases;
        this.audit = audit;
        this.pager = pager;
        this.scope = scope;
        this.caller = caller;
    }

    public WarningSessionView record(UUID unitId, WarningSessionWrite write) {
        units.requireVisible(unitId);
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION) && !scope.inScope(unitId)) {
            throw ProblemException.notFound("unit", unitId);
        }
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> published = typicalCases.publishedAmong(write.typicalCaseIds());
        for (int i = 0; i < write.typicalCaseIds().size(); i++) {
            if (!published.contains(write.typicalCaseIds().get(i))) {
                errors.add(FieldError.atPointer("/typicalCaseIds/" + i, Text.of("warning.notPublished")));
            }
        }
        Set<UUID> inUnit = officials.inPostIn(write.attendeeIds(), Set.of(unitId), write.heldOn());
        for (int i = 0; i < write.attendeeIds().size(); i++) {
            if (!inUnit.contains(write.attendeeIds().get(i))) {
                errors.add(FieldError.atPointer("/attendeeIds/" + i, Text.of("warning.notInUnit", write.heldOn())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        WarningSession session = new WarningSession();
        audit.stampCreated(session);
        session.unitId = unitId;
        session.heldOn = write.heldOn();
        session.title = write.title().strip();
        session.typicalCaseIds = write.typicalCaseIds().stream().distinct().toArray(UUID[]::new);
        session.attendeeIds = write.attendeeIds().stream().distinct().toArray(UUID[]::new);
        em.persist(session);
        em.flush();
        WarningSessionView view = view(session);
        audit.record("CREATE", ENTITY_TYPE, session.id, null, view);
        return view;
    }

    public Page<WarningSessionView> list(UUID unitId, String sort, PageRequest page) {
        units.requireVisible(unitId);
        Filters filters = new Filters().always("e.unitId = :unit", Map.of("unit", unitId))
                .restrictTo(scope.readable(WarningAccess.SESSIONS));
        return pager.page(WarningSession.class, filters, SORTING, sort, page).map(WarningSessions::view);
    }

    private static WarningSessionView view(WarningSession s) {
        return new WarningSessionView(s.id, s.unitId, s.heldOn, s.title, Arrays.asList(s.typicalCaseIds),
                Arrays.asList(s.attendeeIds), s.version, Times.toWire(s.createdAt), s.createdBy);
    }
}
