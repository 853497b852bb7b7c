package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.concurrency.IfMatch;
import org.zuofeng.common.paging.Filters;
import org.zuofeng.common.paging.KeysetPager;
import org.zuofeng.common.paging.Page;
import org.zuofeng.common.paging.PageRequest;
import org.zuofeng.common.paging.SortField;
import org.zuofeng.common.paging.Sorting;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
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
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evidence: streamed in while hashed, checked against its declared digest and sniffed type, kept immutable in the
 * content-addressed store, and served (with byte ranges) only to those who may see what it backs, as its
 * {@link EvidenceHolder} says. A failed upload leaves no record; its bytes are kept only if they were already, or are
 * claimed ({@link BlobRepository}) and left to the sweeper. No request ever removes kept bytes.
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
    private final EvidenceStorage storage;
    private final MediaPolicy media;
    private final Map<String, EvidenceHolder> holders;
    private final EvidenceMapper mapper;
    private final AuditTrail audit;
    private final Transitions transitions;
    private final KeysetPager pager;
    private final Caller caller;
    private final CallerScope scope;
    private final BlobRepository blobs;
    private final Clock clock;

    public EvidenceService(EvidenceRepository evidence, EvidenceStorage storage, MediaPolicy media,
            Instance<EvidenceHolder> holders, EvidenceMapper mapper, AuditTrail audit, Transitions transitions,
            KeysetPager pager, Caller caller, CallerScope scope, BlobRepository blobs, Clock clock) {
        this.evidence = evidence;
        this.storage = storage;
        this.media = media;
        this.holders = holders.stream().collect(Collectors.toMap(EvidenceHolder::kind, Function.identity()));
        this.mapper = mapper;
        this.audit = audit;
        this.transitions = transitions;
        this.pager = pager;
        this.caller = caller;
        this.scope = scope;
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * Adds evidence to a finding or an inspection. The same bytes again for the same owner answer with the
     * existing evidence ({@code created == false}).
     */
    public Creation<EvidenceView> upload(Owner owner, EvidenceUpload upload) {
        String type = media.accepted(upload.contentType()).orElseThrow(() -> new ProblemException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Evidence must be JPEG, PNG, HEIC, MP4, QuickTime or PDF"));
        long limit = media.limitFor(type);
        if (upload.contentLength() != null && upload.contentLength() > limit) {
            throw tooLarge(type, limit);
        }
        QuarkusTransaction.requiringNew().run(() -> holder(owner).requireMayAdd(owner.id()));
        EvidenceStorage.Staged staged = stage(upload.body(), type, limit);
        try {
            if (!staged.sha256().equals(upload.sha256())) {
                throw new ProblemException(ErrorCode.DIGEST_MISMATCH, "The content's SHA-256 is not the one in "
                        + "Content-Digest; nothing was kept");
            }
            String sniffed = sniff(staged);
            if (!sniffed.equals(type)) {
                throw new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The content is " + sniffed + ", not " + type + " as declared");
            }
            QuarkusTransaction.requiringNew().run(() -> blobs.claim(staged.sha256(), staged.size(), clock.instant()));
            return QuarkusTransaction.requiringNew().call(() -> keep(owner, staged, type, upload));
        } catch (RuntimeException e) {
            // Only the staged copy goes: kept content is the sweeper's alone to remove (BlobSweeper).
            storage.discard(staged);
            throw e;
        }
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
                throw new ProblemException(ErrorCode.FORBIDDEN, "Machine clients do not receive evidence content");
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

    public InputStream open(Slice slice) {
        try {
            return storage.open(slice.sha256(), slice.offset(), slice.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The evidence of a finding or an inspection the caller may see. */
    public Page<EvidenceView> list(Owner owner, String sort, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> {
            holder(owner).requireVisible(owner.id());
            Filters filters = new Filters().when(owner.id(), "ownerId", owner.condition());
            filters.restrictTo(scope.readable(EvidenceAccess.EVIDENCE));
            Page<Evidence> found = pager.page(Evidence.class, filters, SORTING, sort, page);
            recordSecretReads(found.items());
            return found.map(mapper::toView);
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

    public static String etagOf(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /** The evidence, if the caller may see what it backs, and it ({@link EvidenceAccess}). */
    private Evidence visible(UUID id) {
        ProblemException notFound = ProblemException.notFound("Evidence", id);
        Evidence found = scope.require(Evidence.class, id, EvidenceAccess.EVIDENCE, () -> notFound);
        try {
            Owner owner = Owner.of(found);
            holder(owner).requireVisible(owner.id());
        } catch (ProblemException hidden) {
            throw notFound;
        }
        return found;
    }

    private EvidenceHolder holder(Owner owner) {
        EvidenceHolder holder = holders.get(owner.kind());
        if (holder == null) {
            throw new IllegalStateException("No evidence holder for " + owner.kind());
        }
        return holder;
    }

    private Creation<EvidenceView> keep(Owner owner, EvidenceStorage.Staged staged, String type,
            EvidenceUpload upload) throws IOException {
        holder(owner).requireMayAdd(owner.id());
        var existing = evidence.findByOwnerAndDigest(owner, staged.sha256());
        if (existing.isPresent()) {
            storage.discard(staged);
            return new Creation<>(mapper.toView(existing.get()), false);
        }
        // Claimed again, and now held against the sweeper until this record commits, before the bytes move in.
        blobs.claim(staged.sha256(), staged.size(), clock.instant());
        storage.keep(staged);
        Evidence kept = new Evidence();
        switch (owner.kind()) {
            case Owner.FINDING -> kept.findingId = owner.id();
            case Owner.INSPECTION -> kept.inspectionId = owner.id();
            default -> kept.responseId = owner.id();
        }
        kept.sha256 = staged.sha256();
        kept.size = staged.size();
        kept.mediaType = type;
        kept.capturedAt = upload.capturedAt();
        kept.fileName = FileNames.safe(upload.fileName(), type);
        kept.status = EvidenceStatus.ACTIVE;
        audit.stampCreated(kept);
        evidence.persistAndFlush(kept);
        EvidenceView view = mapper.toView(kept);
        audit.record("CREATE", ENTITY_TYPE, kept.id, null, view);
        return new Creation<>(view, true);
    }

    private EvidenceStorage.Staged stage(InputStream body, String type, long limit) {
        try {
            return storage.stage(body, limit);
        } catch (EvidenceStorage.TooLarge e) {
            throw tooLarge(type, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be received", e);
        }
    }

    private String sniff(EvidenceStorage.Staged staged) {
        try (InputStream head = storage.openStaged(staged)) {
            return media.sniff(head).orElseThrow(() -> new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The content is none of JPEG, PNG, HEIC, MP4, QuickTime or PDF"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read of a covert inspection's evidence before its completion is on record, one event per request. */
    private void recordSecretReads(List<Evidence> shown) {
        audit.recordRead(AuditTrail.READ_COVERT, ENTITY_TYPE, secretAmong(shown));
    }

    /** Those of these evidence records that back a covert inspection not yet completed: one query per owner kind. */
    List<UUID> secretAmong(List<Evidence> shown) {
        Map<String, Set<UUID>> secretOwners = new HashMap<>();
        shown.stream().map(Owner::of).collect(Collectors.groupingBy(Owner::kind,
                        Collectors.mapping(Owner::id, Collectors.toSet())))
                .forEach((kind, ids) -> secretOwners.put(kind, holders.get(kind).secretAmong(ids)));
        return shown.stream().filter(e -> {
            Owner owner = Owner.of(e);
            return secretOwners.get(owner.kind()).contains(owner.id());
        }).map(e -> e.id).toList();
    }

    private static ProblemException tooLarge(String type, long limit) {
        return new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                type + " evidence is limited to " + limit + " bytes; nothing was kept");
    }
}
