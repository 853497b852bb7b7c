package org.zuofeng.clue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.persistence.Ids;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.unit.UnitRef;
import org.zuofeng.unit.Units;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The public side of reporting, with no account: a report sent with a solved challenge gets a receipt, and the
 * receipt, sent in a body, reads the report's status and conversation and answers the commission's questions. Reports
 * and lookups are counted per address and hour ({@link ReportThrottle}); a receipt that is wrong and one of no report
 * are answered alike.
 */
@ApplicationScoped
public class PublicReportService {

    /** The purpose of the key that seals a real-name reporter's identity, bound to the report's id. */
    static final String IDENTITY = "public-report.identity";

    private final EntityManager em;
    private final ReportChallenges challenges;
    private final ReportThrottle throttle;
    private final Receipts receipts;
    private final ServerKeys keys;
    private final Units units;
    private final ClueService clues;
    private final ClueViews views;
    private final ReportAttachments attachments;
    private final ObjectMapper json;
    private final Clock clock;

    PublicReportService(EntityManager em, ReportChallenges challenges, ReportThrottle throttle, Receipts receipts,
            ServerKeys keys, Units units, ClueService clues, ClueViews views, ReportAttachments attachments,
            ObjectMapper json, Clock clock) {
        this.em = em;
        this.challenges = challenges;
        this.throttle = throttle;
        this.receipts = receipts;
        this.keys = keys;
        this.units = units;
        this.clues = clues;
        this.views = views;
        this.attachments = attachments;
        this.json = json;
        this.clock = clock;
    }

    public ReportChallenges.Challenge challenge() {
        return challenges.issue();
    }

    /** Records a report and registers its clue; answers the receipt, which is shown this once. */
    public PublicReportReceipt submit(PublicReportWrite write, SocketAddress remote) {
        if (blank(write.unitCode()) && blank(write.unitName()) && blank(write.people())) {
            throw ProblemException.invalidField("/unitName", Text.of("clue.reportNamesNoOne"));
        }
        throttle.admit(ReportThrottle.Action.REPORT, remote);
        String receipt = receipts.issue();
        String receiptHash = receipts.hash(receipt);
        QuarkusTransaction.requiringNew().run(() -> {
            challenges.spend(write.work().challenge(), write.work().solution());
            PublicReport report = new PublicReport();
            report.id = Ids.newId();
            report.receiptHash = receiptHash;
            report.category = write.category();
            report.title = write.title().strip();
            report.details = write.details().strip();
            report.unitCode = trimmed(write.unitCode());
            report.unitName = trimmed(write.unitName());
            report.aboutUnitId = Optional.ofNullable(report.unitCode).flatMap(units::findByCode).map(UnitRef::id)
                    .orElse(null);
            report.people = trimmed(write.people());
            report.happened = trimmed(write.happened());
            report.realName = write.identity() != null;
            if (report.realName) {
                report.identitySealed = keys.seal(IDENTITY, sealable(write.identity()),
                        report.id.toString().getBytes(StandardCharsets.UTF_8));
            }
            report.receivedOn = LocalDate.now(clock);
            em.persist(report);
            em.flush();
            clues.registerReport(report);
        });
        return PublicReportReceipt.of(receipt, write.identity() != null);
    }

    /** The report the receipt opens, as its reporter reads it. */
    public PublicReportView status(ReceiptWrite write, SocketAddress remote) {
        String hash = lookup(write.receipt(), remote);
        return QuarkusTransaction.requiringNew().call(() -> {
            PublicReport report = opened(hash, LockModeType.NONE);
            return views.forReporter(report, em.find(Clue.class, report.id));
        });
    }

    /** A ticket to add attachments to the report the receipt opens: counted as a lookup, as status reads are. */
    public AttachmentTicketView ticket(ReceiptWrite write, SocketAddress remote) {
        String hash = lookup(write.receipt(), remote);
        return QuarkusTransaction.requiringNew().call(() -> attachments.ticketFor(opened(hash, LockModeType.NONE)));
    }

    /** The reporter's answer to the commission's last question; 409 when no question awaits one. */
    public PublicReportView answer(AnswerWrite write, SocketAddress remote) {
        String hash = lookup(write.receipt(), remote);
        return QuarkusTransaction.requiringNew().call(() -> {
            PublicReport report = opened(hash, LockModeType.PESSIMISTIC_WRITE);
            ReportMessage last = em.createQuery("select m from ReportMessage m where m.reportId = :report"
                            + " order by m.position desc", ReportMessage.class)
                    .setParameter("report", report.id).setMaxResults(1).getResultStream().findFirst().orElse(null);
            if (last == null || last.sender != MessageSender.COMMISSION) {
                throw new ProblemException(ErrorCode.CONFLICT, Text.of("clue.noQuestionAwaitsAnswer"));
            }
            ReportMessage answer = new ReportMessage();
            answer.id = Ids.newId();
            answer.reportId = report.id;
            answer.position = last.position + 1;
            answer.sender = MessageSender.REPORTER;
            answer.body = write.body().strip();
            answer.sentOn = LocalDate.now(clock);
            em.persist(answer);
            em.flush();
            return views.forReporter(report, em.find(Clue.class, report.id));
        });
    }

    private byte[] sealable(PublicReportWrite.Identity identity) {
        try {
            return json.writeValueAsBytes(new PublicReportWrite.Identity(identity.name().strip(),
                    identity.contact().strip()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the lookup, then the receipt's hash; a malformed receipt is a 400, which says nothing of any report. */
    private String lookup(String typed, SocketAddress remote) {
        throttle.admit(ReportThrottle.Action.LOOKUP, remote);
        String receipt = Receipts.normalized(typed).orElseThrow(() -> ProblemException.invalidField("/receipt",
                Text.of("clue.receiptIsSixteenDigits")));
        return receipts.hash(receipt);
    }

    /** The report of this receipt hash: a 404 alike for every receipt that opens none. */
    private PublicReport opened(String hash, LockModeType lock) {
        return em.createQuery("select r from PublicReport r where r.receiptHash = :hash", PublicReport.class)
                .setParameter("hash", hash).setLockMode(lock).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND, Text.of("clue.noReportForReceipt")));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.strip();
    }
}
