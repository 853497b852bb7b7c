package org.zuofeng.clue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.zuofeng.common.audit.AuditTrail;
import org.zuofeng.common.persistence.Creation;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.security.CallerScope;
import org.zuofeng.common.time.Times;
import org.zuofeng.evidence.BlobReferrer;
import org.zuofeng.evidence.BlobRepository;
import org.zuofeng.evidence.ContentIntake;
import org.zuofeng.evidence.EvidenceStorage;
import org.zuofeng.evidence.MediaPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The attachments of public reports: a receipt buys an upload ticket, and a ticket adds bytes to its report, bounded
 * like evidence (the declared type's limit checked before reading, the stream cut at it, the sniffed type held to the
 * declared one), counted and summed per report under a lock on the report's row, and kept once by content in the
 * evidence store, which keeps whatever an attachment references ({@link BlobReferrer}). No file name is kept, and no
 * time finer than the day: the content's claim and the clue's audit event are dated by the day too.
 */
@ApplicationScoped
public class ReportAttachments implements BlobReferrer {

    /** The types an attachment may have, by canonical name. */
    static final List<String> TYPES = List.of("image/jpeg", "image/png", "image/heic", "video/mp4",
            "video/quicktime", "application/pdf", "audio/mpeg", "audio/mp4", "audio/wav", "audio/amr");

    private final EntityManager em;
    private final AttachmentTickets tickets;
    private final EvidenceStorage storage;
    private final BlobRepository blobs;
    private final MediaPolicy media;
    private final ContentIntake intake;
    private final CallerScope scope;
    private final AuditTrail audit;
    private final ReportsConfig config;
    private final Clock clock;

    ReportAttachments(EntityManager em, AttachmentTickets tickets, EvidenceStorage storage, BlobRepository blobs,
            MediaPolicy media, ContentIntake intake, CallerScope scope, AuditTrail audit, ReportsConfig config,
            Clock clock) {
        this.em = em;
        this.tickets = tickets;
        this.storage = storage;
        this.blobs = blobs;
        this.media = media;
        this.intake = intake;
        this.scope = scope;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String references(String sha256Column) {
        return "exists (select 1 from report_attachments ra where ra.sha256 = " + sha256Column + ")";
    }

    /** A ticket for {@code report}, with what it may still take; in the caller's transaction. */
    AttachmentTicketView ticketFor(PublicReport report) {
        Totals totals = totals(report.id);
        AttachmentTickets.Ticket ticket = tickets.issue(report.id);
        return new AttachmentTicketView(ticket.ticket(), ticket.expiresAt(),
                Math.max(0, config.attachmentsPerReport() - totals.count()),
                Math.max(0, config.attachmentBytesPerReport().asLongValue() - totals.bytes()),
                TYPES.stream().map(t -> new AttachmentTicketView.AcceptedType(t, limitFor(t))).toList());
    }

    /**
     * Adds the bytes of {@code body} to the report the ticket opens. The same bytes again for the same report answer
     * the attachment kept before ({@code created == false}).
     */
    public Creation<AttachmentView> upload(String ticket, String contentType, Long contentLength, InputStream body) {
        UUID reportId = tickets.reportOf(ticket);
        String type = media.acceptedWithAudio(contentType).orElseThrow(() -> new ProblemException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, Text.of("clue.attachmentTypes")));
        long limit = limitFor(type);
        if (contentLength != null && contentLength > limit) {
            throw tooLarge(type, limit);
        }
        QuarkusTransaction.requiringNew().run(() -> requireRoom(locked(reportId, LockModeType.NONE), 0));
        EvidenceStorage.Staged staged = intake.stage(body, limit, () -> tooLarge(type, limit));
        try {
            String sniffed = intake.sniff(staged, true, () -> new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    Text.of("clue.attachmentContentOfNoType")));
            if (!sniffed.equals(type)) {
                throw new ProblemException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        Text.of("clue.attachmentContentDeclared", sniffed, type));
            }
            return QuarkusTransaction.requiringNew().call(() -> keep(reportId, staged, type));
        } catch (RuntimeException e) {
            // Only the staged copy goes: kept content is the sweeper's alone to remove.
            storage.discard(staged);
            throw e;
        }
    }

    /** The attachment at {@code position} of the clue's report, if the caller may read the clue; else a 404. */
    public AttachmentView readable(UUID clueId, int position) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Clue clue = ClueAccess.readable(scope, clueId);
            return em.createQuery("select a from ReportAttachment a where a.reportId = :report"
                            + " and a.position = :position", ReportAttachment.class)
                    .setParameter("report", clue.reportId).setParameter("position", position).getResultStream()
                    .findFirst().map(AttachmentView::of)
                    .orElseThrow(() -> ProblemException.notFound("reportAttachment"));
        });
    }

    /** The most bytes one attachment of {@code type} may have: its evidence (or audio) limit, and the report's. */
    private long limitFor(String type) {
        return Math.min(type.startsWith("audio/") ? config.maxAudioSize().asLongValue() : media.limitFor(type),
                config.attachmentBytesPerReport().asLongValue());
    }

    private Creation<AttachmentView> keep(UUID reportId, EvidenceStorage.Staged staged, String type)
            throws IOException {
        PublicReport report = locked(reportId, LockModeType.PESSIMISTIC_WRITE);
        var same = em.createQuery("select a from ReportAttachment a where a.reportId = :report and a.sha256 = :sha256",
                        ReportAttachment.class).setParameter("report", report.id).setParameter("sha256",
                        staged.sha256()).getResultStream().findFirst();
        if (same.isPresent()) {
            storage.discard(staged);
            return new Creation<>(AttachmentView.of(same.get()), false);
        }
        Totals totals = requireRoom(report, staged.size());
        LocalDate today = LocalDate.now(clock);
        Instant day = today.atStartOfDay(Times.ZONE).toInstant();
        // Claimed, and held against the sweeper until this record commits, before the bytes move in; dated by the day.
        blobs.claim(staged.sha256(), staged.size(), day);
        storage.keep(staged);
        ReportAttachment kept = new ReportAttachment();
        kept.id = Ids.newId();
        kept.reportId = report.id;
        kept.position = (int) totals.count() + 1;
        kept.mediaType = type;
        kept.size = staged.size();
        kept.sha256 = staged.sha256();
        kept.receivedOn = today;
        em.persist(kept);
        em.flush();
        AttachmentView view = AttachmentView.of(kept);
        // On the clue's record as its report is: by the public, the day only, no request or trace id.
        audit.recordUntraced("ATTACH", ClueService.ENTITY_TYPE, report.id, view, day, ClueService.PUBLIC);
        return new Creation<>(view, true);
    }

    /** The report of a ticket; one that is not there refuses the ticket. */
    private PublicReport locked(UUID reportId, LockModeType lock) {
        PublicReport report = em.find(PublicReport.class, reportId, lock);
        if (report == null) {
            throw new ProblemException(ErrorCode.TICKET_REFUSED, Text.of("clue.ticketNotOurs"));
        }
        return report;
    }

    /** The report's attachments so far; 409 when it has as many as it may, 413 when {@code adding} bytes exceed. */
    private Totals requireRoom(PublicReport report, long adding) {
        Totals totals = totals(report.id);
        if (totals.count() >= config.attachmentsPerReport()) {
            throw new ProblemException(ErrorCode.CONFLICT,
                    Text.of("clue.attachmentsPerReport", config.attachmentsPerReport()));
        }
        long maxBytes = config.attachmentBytesPerReport().asLongValue();
        if (totals.bytes() + adding > maxBytes) {
            throw new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, Text.of("clue.attachmentBytesPerReport",
                    maxBytes));
        }
        return totals;
    }

    private Totals totals(UUID reportId) {
        Object[] row = em.createQuery("select count(a), coalesce(sum(a.size), 0) from ReportAttachment a"
                + " where a.reportId = :report", Object[].class).setParameter("report", reportId).getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    private static ProblemException tooLarge(String type, long limit) {
        return new ProblemException(ErrorCode.PAYLOAD_TOO_LARGE, Text.of("clue.attachmentLimitedBytes", type, limit));
    }

    private record Totals(long count, long bytes) {
    }
}
