package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.time.Times;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Clues and reports as the API shows them, with the reports' attachments: to the commission, and to the reporter. */
@ApplicationScoped
class ClueViews {

    private final EntityManager em;
    private final Clock clock;

    ClueViews(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    ClueView of(Clue clue) {
        return all(List.of(clue)).getFirst();
    }

    /** The views of these clues, with the reports behind them and their conversations read in two statements. */
    List<ClueView> all(List<Clue> clues) {
        List<UUID> reportIds = clues.stream().map(c -> c.reportId).filter(Objects::nonNull).toList();
        Map<UUID, PublicReport> reports = reportIds.isEmpty() ? Map.of() : em.createQuery(
                        "select r from PublicReport r where r.id in :ids", PublicReport.class)
                .setParameter("ids", reportIds).getResultStream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<UUID, List<ReportMessage>> messages = messagesOf(reportIds);
        Map<UUID, List<AttachmentView>> attachments = attachmentsOf(reportIds);
        LocalDate today = LocalDate.now(clock);
        return clues.stream().map(clue -> clue.reportId == null ? view(clue, null, List.of(), List.of(), today)
                : view(clue, reports.get(clue.reportId), messages.getOrDefault(clue.reportId, List.of()),
                        attachments.getOrDefault(clue.reportId, List.of()), today))
                .toList();
    }

    private static ClueView view(Clue clue, PublicReport sent, List<ReportMessage> messages,
            List<AttachmentView> attachments, LocalDate today) {
        ClueView.Report report = sent == null ? null : new ClueView.Report(sent.unitCode, sent.unitName, sent.people,
                sent.happened, sent.realName, messages.stream().map(m -> new ClueView.Message(m.position, m.sender,
                m.body, m.sentOn, m.author)).toList(), attachments);
        ClueView.Handling handling = clue.way == null ? null : new ClueView.Handling(clue.way, clue.proposalReason,
                clue.proposedBy, Times.toWire(clue.proposedAt), clue.approvedBy, clue.approvalReason,
                Times.toWire(clue.approvedAt), clue.outcome, clue.conclusion, clue.concludedOn, clue.inspectionId,
                clue.caseId);
        return new ClueView(clue.id, number(clue.year, clue.sequence), clue.year, clue.sequence, clue.source,
                clue.channel, clue.category, clue.title, clue.summary, clue.receivedOn, clue.status,
                List.copyOf(clue.unitIds), List.copyOf(clue.officialIds), clue.sourceFindingId, handling,
                deadlines(clue, today), report, clue.version, Times.toWire(clue.createdAt), clue.createdBy,
                Times.toWire(clue.updatedAt), clue.updatedBy);
    }

    /** The clue's deadlines, and those past on {@code today} with nothing done. */
    static ClueView.Deadlines deadlines(Clue clue, LocalDate today) {
        List<ClueView.Overdue> overdue = new ArrayList<>();
        if (clue.proposedOn == null && today.isAfter(clue.proposalDue)) {
            overdue.add(ClueView.Overdue.PROPOSAL);
        }
        if (clue.acceptanceDue != null && clue.acceptanceToldOn == null && today.isAfter(clue.acceptanceDue)) {
            overdue.add(ClueView.Overdue.ACCEPTANCE_NOTICE);
        }
        if (clue.resultDue != null && clue.resultToldOn == null && today.isAfter(clue.resultDue)) {
            overdue.add(ClueView.Overdue.RESULT_NOTICE);
        }
        return new ClueView.Deadlines(clue.proposalDue, clue.proposedOn, clue.acceptanceDue, clue.acceptanceToldOn,
                clue.resultDue, clue.resultToldOn, overdue);
    }

    /** The report as its reporter reads it: no author of any message, nothing of who handles it. */
    PublicReportView forReporter(PublicReport report, Clue clue) {
        ClueOutcome result = report.realName && clue.status == ClueStatus.CONCLUDED ? clue.outcome : null;
        return new PublicReportView(clue.status.forReporter(), result, report.receivedOn, report.category,
                report.title, report.details, report.unitCode, report.unitName, report.people, report.happened,
                report.realName,
                messagesOf(List.of(report.id)).getOrDefault(report.id, List.of()).stream()
                        .map(m -> new PublicReportView.Message(m.position, m.sender, m.body, m.sentOn)).toList(),
                attachmentsOf(List.of(report.id)).getOrDefault(report.id, List.of()));
    }

    /** A clue's number as the register writes it: the year and the sequence, e.g. 2026-0007. */
    static String number(int year, int sequence) {
        return String.format("%d-%04d", year, sequence);
    }

    int messageCount(UUID reportId) {
        return em.createQuery("select count(m) from ReportMessage m where m.reportId = :report", Long.class)
                .setParameter("report", reportId).getSingleResult().intValue();
    }

    /** The attachments of these reports, each in order. */
    private Map<UUID, List<AttachmentView>> attachmentsOf(List<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from ReportAttachment a where a.reportId in :ids"
                        + " order by a.reportId, a.position", ReportAttachment.class)
                .setParameter("ids", reportIds).getResultStream()
                .collect(Collectors.groupingBy(a -> a.reportId, Collectors.mapping(AttachmentView::of,
                        Collectors.toList())));
    }

    /** The conversations of these reports, each in order. */
    private Map<UUID, List<ReportMessage>> messagesOf(List<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select m from ReportMessage m where m.reportId in :ids order by m.reportId, m.position",
                        ReportMessage.class).setParameter("ids", reportIds).getResultStream()
                .collect(Collectors.groupingBy(m -> m.reportId));
    }
}
