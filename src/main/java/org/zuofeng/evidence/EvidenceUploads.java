package org.zuofeng.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.Caller;
import org.zuofeng.evidence.EvidenceService.Owner;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

/**
 * Receiving evidence: the declared type and size checked first, the bytes staged, their SHA-256 and their actual
 * type checked against what was declared, then kept once by content. A refused upload leaves no record and no bytes
 * of its own; kept bytes are only ever removed by {@link BlobSweeper}.
 */
@ApplicationScoped
public class EvidenceUploads {

    private final EvidenceRepository evidence;
    private final EvidenceStorage storage;
    private final MediaPolicy media;
    private final EvidenceHolders holders;
    private final EvidenceMapper mapper;
    private final AuditTrail audit;
    private final BlobRepository blobs;
    private final ContentIntake intake;
    private final CaptureStatements statements;
    private final Caller caller;
    private final boolean requireSignedCovert;
    private final Clock clock;

    public EvidenceUploads(EvidenceRepository evidence, EvidenceStorage storage, MediaPolicy media,
            EvidenceHolders holders, EvidenceMapper mapper, AuditTrail audit, BlobRepository blobs,
            ContentIntake intake, CaptureStatements statements, Caller caller, EvidenceConfig config, Clock clock) {
        this.evidence = evidence;
        this.storage = storage;
        this.media = media;
        this.holders = holders;
        this.mapper = mapper;
        this.audit = audit;
        this.blobs = blobs;
        this.intake = intake;
        this.statements = statements;
        this.caller = caller;
        this.requireSignedCovert = config.evidence().requireSignedCovert();
        this.clock = clock;
    }

    /**
     * Adds evidence to a finding or an inspection. The same bytes again for the same owner answer with the
     * existing evidence ({@code created == false}).
     */
    public Creation<EvidenceView> upload(Owner owner, EvidenceUpload upload) {
        String type = media.accepted(upload.contentType()).orElseThrow(() -> new ProblemException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, Text.of("evidence.mediaTypes")));
        long limit = media.limitFor(type);
        if (upload.contentLength() != null && upload.contentLength() > limit) {
            throw tooLarge(type, limit);
        }
        QuarkusTransaction.requiringNew().run(() -> holders.of(owner).requireMayAdd(owner.id()));
        EvidenceStorage.Staged staged = intake.stage(upload.body(), limit, () -> tooLarge(type, limit));
        try {
            if (!staged.sha256().equals(upload.sha256())) {
                throw new ProblemException(ErrorCode.DIGEST_MISMATCH, Text.of("evidence.digestMismatch"));
            }
            String sniffed = intake.sniff(staged, false, () -> new ProblemException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, Text.of("evidence.contentOfNoMediaType")));
            if (!sniffed.equals(type)) {
                throw new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        Text.of("evidence.contentDeclared", sniffed, type));
            }
            Provenance provenance = QuarkusTransaction.requiringNew().call(() -> judged(owner, staged, upload))
                    .withC2paManifest(intake.c2paManifest(staged, type));
            QuarkusTransaction.requiringNew().run(() -> blobs.claim(staged.sha256(), staged.size(), clock.instant()));
            return QuarkusTransaction.requiringNew().call(() -> keep(owner, staged, type, upload, provenance));
        } catch (RuntimeException e) {
            // Only the staged copy goes: kept content is the sweeper's alone to remove (BlobSweeper).
            storage.discard(staged);
            throw e;
        }
    }

    /**
     * The provenance of the capture, from its signed statement; with signed captures required for covert
     * inspections, an unsigned capture of one under way is refused.
     */
    private Provenance judged(Owner owner, EvidenceStorage.Staged staged, EvidenceUpload upload) {
        Provenance provenance = statements.judge(upload.captureStatement(), staged.sha256(), caller.subject(),
                upload.id());
        if (requireSignedCovert && provenance.status() == ProvenanceStatus.UNSIGNED
                && !holders.of(owner).secretAmong(Set.of(owner.id())).isEmpty()) {
            throw new ProblemException(ErrorCode.CAPTURE_SIGNATURE_REQUIRED, Text.of("evidence.covertNeedsSigned"));
        }
        return provenance;
    }

    private Creation<EvidenceView> keep(Owner owner, EvidenceStorage.Staged staged, String type,
            EvidenceUpload upload, Provenance provenance) throws IOException {
        holders.of(owner).requireMayAdd(owner.id());
        if (upload.id() != null) {
            var same = evidence.findByIdOptional(upload.id());
            if (same.isPresent()) {
                if (!Owner.of(same.get()).equals(owner) || !same.get().sha256.equals(staged.sha256())) {
                    throw new ProblemException(ErrorCode.CLIENT_ID_CONFLICT,
                            Text.of("evidence.evidenceAlreadyExistsOtherContent", upload.id()));
                }
                storage.discard(staged);
                return new Creation<>(mapper.toView(same.get()), false);
            }
        }
        var existing = evidence.findByOwnerAndDigest(owner, staged.sha256());
        if (existing.isPresent()) {
            storage.discard(staged);
            return new Creation<>(mapper.toView(existing.get()), false);
        }
        // Claimed again, and now held against the sweeper until this record commits, before the bytes move in.
        blobs.claim(staged.sha256(), staged.size(), clock.instant());
        storage.keep(staged);
        Evidence kept = new Evidence();
        kept.id = upload.id();
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
        kept.provenance = provenance.status();
        kept.provenanceReason = provenance.reason();
        kept.signedCapturedAt = provenance.capturedAt() == null ? null : provenance.capturedAt().toInstant();
        kept.signedLatitude = provenance.place() == null ? null : provenance.place().latitude();
        kept.signedLongitude = provenance.place() == null ? null : provenance.place().longitude();
        kept.deviceKeyId = provenance.deviceKeyId();
        kept.c2paManifest = provenance.c2paManifest();
        kept.status = EvidenceStatus.ACTIVE;
        audit.stampCreated(kept);
        evidence.persistAndFlush(kept);
        EvidenceView view = mapper.toView(kept);
        audit.record("CREATE", EvidenceService.ENTITY_TYPE, kept.id, null, view);
        return new Creation<>(view, true);
    }

    private static ProblemException tooLarge(String type, long limit) {
        return new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE,
                Text.of("evidence.evidenceLimitedBytesNothingWas", type, limit));
    }
}
