package org.zuofeng.clue;

import java.time.Instant;
import java.util.List;

/**
 * An upload ticket for a report's attachments, sent in the {@code Report-Ticket} header of each upload until it
 * expires; with how many attachments and bytes the report may still take, and each type it accepts, how large.
 */
public record AttachmentTicketView(String ticket, Instant expiresAt, long attachmentsLeft, long bytesLeft,
        List<AcceptedType> acceptedTypes) {

    /** A type an attachment may have, and the most bytes one of it may have. */
    public record AcceptedType(String mediaType, long maxBytes) {
    }
}
