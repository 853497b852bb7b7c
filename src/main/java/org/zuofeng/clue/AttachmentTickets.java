package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Upload tickets for a report's attachments: the report's id and an expiry, sealed by the server (AES-GCM under a
 * key of its own purpose), so that handing one out writes nothing and a ticket shows no one which report it opens.
 * A ticket is what a receipt buys for a while: the receipt itself never travels with the bytes.
 */
@ApplicationScoped
public class AttachmentTickets {

    private static final String PURPOSE = "public-report.attachment-ticket";
    private static final byte[] CONTEXT = PURPOSE.getBytes(StandardCharsets.UTF_8);
    private static final int BODY_BYTES = 2 * Long.BYTES + Long.BYTES;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** A ticket as handed out. */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    private final ServerKeys keys;
    private final Clock clock;
    private final ReportsConfig config;

    public AttachmentTickets(ServerKeys keys, Clock clock, ReportsConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.config = config;
    }

    /** A ticket to add attachments to the report {@code reportId} until it expires. */
    public Ticket issue(UUID reportId) {
        Instant expires = clock.instant().plus(config.attachmentTicketTtl()).truncatedTo(ChronoUnit.SECONDS);
        byte[] body = ByteBuffer.allocate(BODY_BYTES).putLong(reportId.getMostSignificantBits())
                .putLong(reportId.getLeastSignificantBits()).putLong(expires.getEpochSecond()).array();
        return new Ticket(ENCODE.encodeToString(keys.seal(PURPOSE, body, CONTEXT)), expires);
    }

    /** The report a ticket opens; a 400 {@code ticket-refused} for none, one not sealed here, or one expired. */
    public UUID reportOf(String ticket) {
        byte[] body;
        try {
            body = keys.open(PURPOSE, DECODE.decode(ticket == null ? "" : ticket.trim()), CONTEXT);
        } catch (IllegalArgumentException e) {
            throw refused("clue.ticketNotOurs");
        }
        if (body.length != BODY_BYTES) {
            throw refused("clue.ticketNotOurs");
        }
        ByteBuffer read = ByteBuffer.wrap(body);
        UUID report = new UUID(read.getLong(), read.getLong());
        if (!Instant.ofEpochSecond(read.getLong()).isAfter(clock.instant())) {
            throw refused("clue.ticketExpired");
        }
        return report;
    }

    private static ProblemException refused(String reason) {
        return new ProblemException(ErrorCode.TICKET_REFUSED, Text.of(reason));
    }
}
