package org.zuofeng.clue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.crypto.ServerKeys;
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
import org.zuofeng.common.time.Times;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may look at a real-name reporter's identity, sealed at rest: a commission member who may read the clue asks,
 * with a reason; a custodian (not the one who asks) approves or refuses; only then does the requester read it. Every
 * request, decision and reading is on the audit record. Everyone else only ever sees that a report is under a name.
 */
@ApplicationScoped
@Transactional
public class IdentityCustody {

    static final String ENTITY_TYPE = "identity-request";
    /** The audit action of a reading of a reporter's identity. */
    static final String READ_IDENTITY = "READ_REPORTER_IDENTITY";

    private static final Sorting<IdentityRequest> SORTING = new Sorting<>("-requestedAt",
            SortField.of("id", "id", r -> r.id, UUID.class),
            SortField.of("requestedAt", "requestedAt", r -> r.requestedAt, Instant.class));

    private final EntityManager em;
    private final AuditTrail audit;
    private final CallerScope scope;
    private final Caller caller;
    private final KeysetPager pager;
    private final ServerKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    IdentityCustody(EntityManager em, AuditTrail audit, CallerScope scope, Caller caller, KeysetPager pager,
            ServerKeys keys, ObjectMapper json, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.scope = scope;
        this.caller = caller;
        this.pager = pager;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** Asks to read the identity of the reporter of a clue's real-name report; 409 for a clue without one. */
    public IdentityRequestView request(UUID clueId, IdentityRequestWrite write) {
        Clue clue = ClueAccess.readable(scope, clueId);
        PublicReport report = clue.reportId == null ? null : em.find(PublicReport.class, clue.reportId);
        if (report == null || !report.realName) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.noIdentityToRequest"));
        }
        IdentityRequest request = new IdentityRequest();
        request.id = Ids.newId();
        request.clueId = clueId;
        request.requestedBy = caller.subject();
        request.reason = write.reason().strip();
        request.requestedAt = clock.instant();
        request.status = IdentityRequestStatus.PENDING;
        em.persist(request);
        em.flush();
        IdentityRequestView view = view(request, clue);
        audit.record("CREATE", ENTITY_TYPE, request.id, null, view);
        return view;
    }

    /** A custodian's decision on a pending request; never by the member who asked. */
    public IdentityRequestView decide(UUID id, IfMatch ifMatch, ApprovalWrite write) {
        IdentityRequest request = visible(id);
        ifMatch.check(request.version);
        if (request.status != IdentityRequestStatus.PENDING) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.identityRequestDecided", request.status));
        }
        caller.requireSecondPerson(Text.of("clue.requesterCannotDecide"), request.requestedBy);
        IdentityRequestView before = view(request);
        request.status = write.approve() ? IdentityRequestStatus.APPROVED : IdentityRequestStatus.REFUSED;
        request.decidedBy = caller.subject();
        request.decisionReason = write.reason().strip();
        request.decidedAt = clock.instant();
        em.flush();
        IdentityRequestView after = view(request);
        audit.record(write.approve() ? "APPROVE" : "REFUSE", ENTITY_TYPE, id, before, after);
        return after;
    }

    /** The reporter's identity, for the member whose request was approved; each reading is recorded. */
    public ReporterIdentity identity(UUID id) {
        IdentityRequest request = visible(id);
        if (!request.requestedBy.equals(caller.subject())) {
            throw ProblemException.notFound("identityRequest");
        }
        if (request.status != IdentityRequestStatus.APPROVED) {
            throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.identityNotApproved", request.status));
        }
        Clue clue = em.find(Clue.class, request.clueId);
        PublicReport report = em.find(PublicReport.class, clue.reportId);
        byte[] opened = keys.open(PublicReportService.IDENTITY, report.identitySealed,
                report.id.toString().getBytes(StandardCharsets.UTF_8));
        audit.recordRead(READ_IDENTITY, ClueService.ENTITY_TYPE, List.of(clue.id));
        try {
            return json.readValue(opened, ReporterIdentity.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IdentityRequestView get(UUID id) {
        return view(visible(id));
    }

    /** The requests the caller may read: a custodian's, an admin's and an auditor's all, a member's own. */
    public Page<IdentityRequestView> list(IdentityRequestStatus status, String sort, PageRequest page) {
        Filters filters = new Filters().when(status, "status", "e.status = :status")
                .restrictTo(scope.readable(ClueAccess.IDENTITY_REQUESTS));
        Page<IdentityRequest> found = pager.page(IdentityRequest.class, filters, SORTING, sort, page);
        List<UUID> clueIds = found.items().stream().map(r -> r.clueId).distinct().toList();
        Map<UUID, Clue> clues = clueIds.isEmpty() ? Map.of() : em.createQuery(
                        "select c from Clue c where c.id in :ids", Clue.class).setParameter("ids", clueIds)
                .getResultStream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        return found.map(request -> view(request, clues.get(request.clueId)));
    }

    private IdentityRequest visible(UUID id) {
        return scope.require(IdentityRequest.class, id, ClueAccess.IDENTITY_REQUESTS,
                () -> ProblemException.notFound("identityRequest"));
    }

    private IdentityRequestView view(IdentityRequest request) {
        return view(request, em.find(Clue.class, request.clueId));
    }

    private static IdentityRequestView view(IdentityRequest request, Clue clue) {
        return new IdentityRequestView(request.id, request.clueId, ClueViews.number(clue.year, clue.sequence),
                clue.title, request.requestedBy, request.reason, Times.toWire(request.requestedAt), request.status,
                request.decidedBy, request.decisionReason, Times.toWire(request.decidedAt), request.version);
    }
}
