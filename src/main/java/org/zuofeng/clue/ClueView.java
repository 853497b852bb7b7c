package org.zuofeng.clue;

import org.zuofeng.common.concurrency.Versioned;
import org.zuofeng.finding.FindingCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A clue as the commission reads it. Of a public report it shows the report as sent and its conversation, and of the
 * reporter only whether they gave their name: the name and contact stay sealed.
 */
public record ClueView(
        UUID id,
        String number,
        int year,
        int sequence,
        ClueSource source,
        ClueChannel channel,
        FindingCategory category,
        String title,
        String summary,
        LocalDate receivedOn,
        ClueStatus status,
        List<UUID> unitIds,
        List<UUID> officialIds,
        UUID sourceFindingId,
        Handling handling,
        Deadlines deadlines,
        Report report,
        long version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy) implements Versioned {

    /**
     * How the clue is handled: the way proposed and by whom, its approval by another member, and the conclusion with
     * what followed it.
     */
    public record Handling(
            ClueWay way,
            String proposalReason,
            String proposedBy,
            OffsetDateTime proposedAt,
            String approvedBy,
            String approvalReason,
            OffsetDateTime approvedAt,
            ClueOutcome outcome,
            String conclusion,
            LocalDate concludedOn,
            UUID inspectionId,
            UUID caseId) {
    }

    /** The clue's deadlines under the rules, when each was met, and those past with nothing done. */
    public record Deadlines(
            LocalDate proposalDue,
            LocalDate proposedOn,
            LocalDate acceptanceDue,
            LocalDate acceptanceToldOn,
            LocalDate resultDue,
            LocalDate resultToldOn,
            List<Overdue> overdue) {
    }

    /** A deadline past with nothing done. */
    public enum Overdue {
        PROPOSAL, ACCEPTANCE_NOTICE, RESULT_NOTICE
    }

    /** The public report behind a clue, with its attachments, without anything that identifies its reporter. */
    public record Report(
            String unitCode,
            String unitName,
            String people,
            String happened,
            boolean realName,
            List<Message> messages,
            List<AttachmentView> attachments) {
    }

    /** One message of a report's conversation; {@code author} is the commission member who asked. */
    public record Message(int position, MessageSender sender, String body, LocalDate sentOn, String author) {
    }
}
