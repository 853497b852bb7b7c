package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.zuofeng.common.security.Roles;
import org.zuofeng.common.transition.Lifecycle;
import org.zuofeng.common.transition.TransitionRequest;
import org.zuofeng.common.transition.TransitionView;
import org.zuofeng.common.transition.Transitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Evidence once kept ({@link EvidenceUploads} receives it): immutable, served (with byte ranges) only to those who
 * may see what it backs, as its {@link EvidenceHolder} says, and withdrawn (hidden, never deleted) by admins.
 */
@ApplicationScoped
public class EvidenceService {

    public static final String ENTITY_TYPE = "evidence";

    static final Lifecycle<EvidenceStatus> LIFECYCLE = Lifecycle.of(EvidenceStatus.class)
            .step(EvidenceStatus.WITHDRAWN, EvidenceStatus.ACTIVE)
            .noteRequired(EvidenceStatus.WITHDRAWN)
            .build();

    private static final Sorting<Evidence> SORTING = new Sorting<>("createdAt",
            SortField.of("id", "id", e -> e.id, UUID.class),
            SortField.of("createdAt", "createdAt", e -> e.createdAt, Instant.class));

    /** What evidence backs: a record of one {@link EvidenceHolder} kind. */
    public record Owner(String kind, UUID id) {
        public static final String FINDING = "finding";
        public static final String INSPECTION = "inspection";
        public static final String RESPONSE = "response";

        public static Owner finding(UUID id) {
            return new Owner(FINDING, id);
        }

        public static Owner inspection(UUID id) {
            return new Owner(INSPECTION, id);
        }

        public static Owner response(UUID id) {
            return new Owner(RESPONSE, id);
        }

        static Owner of(Evidence evidence) {
            return evidence.findingId != null ? finding(evidence.findingId)
                    : evidence.inspectionId != null ? inspection(evidence.inspectionId)
                    : response(evidence.responseId);
        }

        /** The HQL condition on alias {@code e} selecting this owner's evidence. */
        String condition() {
            return "e." + kind + "Id = :ownerId";
        }
    }

    /** A part of kept content to send: all of it, or one byte range (206). */
    public record Slice(String sha256, String mediaType, String fileName, long offset, long length, long total,
            boolean partial) {
    }

    private final EvidenceRepository evidence;
    private final KeptContent content;
    private final EvidenceHolders holders;
    private final EvidenceMapper mapper;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Caller caller;
    private final CallerScope scope;

    public EvidenceService(EvidenceRepository evidence, KeptContent content, EvidenceHolders holders,
            EvidenceMapper mapper, AuditTrail audit, Transitions transitions, KeysetPager pager, Caller caller,
            CallerScope scope) {
        this.evidence = evidence;
        this.content = content;
        this.holders = holders;
        this.mapper = mapper;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.caller = caller;
        this.scope = scope;
    }

    public EvidenceView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence found = visible(id);
            recordSecretReads(List.of(found));
            return mapper.toView(found);
        });
    }

    /** The bytes to send for a {@code Range} request (one range; anything else gets the whole content). */
    public Slice content(UUID id, String range, String ifRange) {
        Evidence found = QuarkusTransaction.requiringNew().call(() -> {
            Evidence visible = visible(id);
            if (caller.hasRole(Roles.INTEGRATION) && !caller.hasAnyRole(Roles.ADMIN, Roles.COMMISSION,
                    Roles.AUDITOR, Roles.INSPECTOR, Roles.HR, Roles.UNIT_OFFICER)) {
                throw new ProblemException(ErrorCode.FORBIDDEN, Text.of("evidence.machineClientsDoReceiveEvidence"));
            }
            recordSecretReads(List.of(visible));
            return visible;
        });
        long total = found.size;
        boolean rangeApplies = range != null && (ifRange == null || ifRange.equals(etagOf(found.sha256)));
        long[] bounds = rangeApplies ? ByteRange.parse(range, total) : null;
        if (bounds == null) {
            return new Slice(found.sha256, found.mediaType, FileNames.safe(found.fileName, found.mediaType), 0, total,
                    total, false);
        }
        return new Slice(found.sha256, found.mediaType, FileNames.safe(found.fileName, found.mediaType), bounds[0],
                bounds[1] - bounds[0] + 1, total, true);
    }

    /** The slice's bytes, opened before the answer starts ({@link KeptContent}). */
    public InputStream open(Slice slice) {
        return content.open(slice.sha256(), slice.offset(), slice.length());
    }

    /** The evidence of a finding or an inspection the caller may see. */
    public Page<EvidenceView> list(Owner owner, String sort, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            holders.of(owner).requireVisible(owner.id());
            Filters filters = new Filters().when(owner.id(), "ownerId", owner.condition());
            filters.restrictTo(scope.readable(EvidenceAccess.EVIDENCE));
            Page<Evidence> found = pager.page(Evidence.class, filters, SORTING, sort, page);
            recordSecretReads(found.items());
            return found.map(mapper::toView);
        });
    }

    /**
     * For sync ({@link EvidenceSync}): every piece of evidence the caller may see (it, and what it backs), or those
     * among {@code ids}, by id. A page may show fewer than it read: what backs the rest is hidden from the caller.
     */
    public Page<EvidenceView> synced(Collection<UUID> ids, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Filters filters = new Filters().among(ids).restrictTo(scope.readable(EvidenceAccess.EVIDENCE));
            Page<Evidence> found = pager.pageById(Evidence.class, filters, SORTING, page);
            List<Evidence> shown = holders.visibleAmong(found.items());
            recordSecretReads(shown);
            return new Page<>(shown.stream().map(mapper::toView).toList(), found.next(), null);
        });
    }

    /** Withdraws evidence (admins only): hidden from then on, bytes and record kept. */
    public EvidenceView transition(UUID id, IfMatch ifMatch, TransitionRequest request) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Evidence found = visible(id);
            ifMatch.check(found.version);
            EvidenceStatus to = LIFECYCLE.parse(request.to);
            Transitions.Step<EvidenceStatus> step = transitions.check(LIFECYCLE, found.status, to, request);
            EvidenceView before = mapper.toView(found);
            found.status = to;
            audit.stampUpdated(found);
            evidence.flush();
            transitions.record(ENTITY_TYPE, id, step);
            EvidenceView after = mapper.toView(found);
            audit.record("TRANSITION", ENTITY_TYPE, id, before, after);
            return after;
        });
    }

    public Page<TransitionView> history(UUID id, String sort, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            recordSecretReads(List.of(visible(id)));
            return transitions.history(ENTITY_TYPE, id, sort, page);
        });
    }

    /**
     * Whether the caller may read some evidence made of these bytes: only then may a resumable upload of them be
     * completed without sending them, so that the server never tells anyone else what it keeps.
     */
    public boolean readableWithContent(String sha256) {
        List<Evidence> readable = evidence.find("sha256", sha256).page(0, 50).list().stream()
                .filter(e -> scope.find(Evidence.class, e.id, EvidenceAccess.EVIDENCE).isPresent()).toList();
        return !holders.visibleAmong(readable).isEmpty();
    }

    public static String etagOf(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /** The evidence, if the caller may see what it backs, and it ({@link EvidenceAccess}). */
    private Evidence visible(UUID id) {
        ProblemException notFound = ProblemException.notFound("evidence", id);
        Evidence found = scope.require(Evidence.class, id, EvidenceAccess.EVIDENCE, () -> notFound);
        try {
            Owner owner = Owner.of(found);
            holders.of(owner).requireVisible(owner.id());
        } catch (ProblemException hidden) {
            throw notFound;
        }
        return found;
    }

    /** A read of a covert inspection's evidence before its completion is on record, one event per request. */
    private void recordSecretReads(List<Evidence> shown) {
        audit.recordRead(AuditTrail.READ_COVERT, ENTITY_TYPE, holders.secretAmong(shown));
    }
}
