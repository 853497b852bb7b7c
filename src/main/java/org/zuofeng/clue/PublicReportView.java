package org.zuofeng.clue;

import org.zuofeng.finding.FindingCategory;

import java.time.LocalDate;
import java.util.List;

/**
 * A report as its reporter reads it with the receipt: what they sent and attached, where it stands, and the
 * conversation with the commission, which names no inspector or commission member. A real-name reporter is told the
 * result once the clue is concluded (an anonymous one only that it is).
 */
public record PublicReportView(
        ReportStatus status,
        ClueOutcome result,
        LocalDate receivedOn,
        FindingCategory category,
        String title,
        String details,
        String unitCode,
        String unitName,
        String people,
        String happened,
        boolean realName,
        List<Message> messages,
        List<AttachmentView> attachments) {

    /** One message: the commission's question or the reporter's answer. */
    public record Message(int position, MessageSender sender, String body, LocalDate sentOn) {
    }
}
