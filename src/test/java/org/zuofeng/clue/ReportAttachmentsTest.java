package org.zuofeng.clue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zuofeng.evidence.BlobRepository;
import org.zuofeng.evidence.BlobSweeper;
import org.zuofeng.evidence.EvidenceStorage;
import org.zuofeng.support.Api;
import org.zuofeng.support.Contract;
import org.zuofeng.support.Fixtures;
import org.zuofeng.support.Media;
import org.zuofeng.support.TestClock;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zuofeng.clue.Reporting.REPORTS;
import static org.zuofeng.clue.Reporting.from;
import static org.zuofeng.support.Api.as;

/**
 * Attachments to public reports: the receipt, in a body, buys a sealed upload ticket; the ticket, in a header, adds
 * bytes that are bounded and type-sniffed as evidence is, counted per report under a lock, kept in the evidence store
 * (whose sweeper keeps them), and read back by the commission alone.
 */
@QuarkusTest
@TestProfile(ReportAttachmentsTest.SmallReports.class)
class ReportAttachmentsTest {

    /** As {@link PublicReportTest.BehindAProxy}, and a report's attachments at most 150 KiB together. */
    public static class SmallReports extends PublicReportTest.BehindAProxy {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("zuofeng.reports.attachment-bytes-per-report", "150K");
            return overrides;
        }
    }

    private static final String TICKETS = REPORTS + "/attachment-tickets";
    private static final String ATTACHMENTS = REPORTS + "/attachments";
    private static final String CONTENT = "/api/v1/clues/{id}/attachments/{position}/content";
    /** Each lookup and report from an address of its own: the profile allows few per address and hour. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(new Random().nextInt(200));

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    EvidenceStorage storage;

    @Inject
    BlobRepository blobs;

    @Inject
    BlobSweeper sweeper;

    @AfterEach
    void reset() {
        clock.reset();
    }

    /** A report about a new unit, its receipt, and its clue's id as the commission finds it. */
    record Sent(String receipt, String clueId, JsonPath unit) {
    }

    private static String anAddress() {
        return "203.0.113." + (1 + NEXT_HOST.getAndIncrement() % 254);
    }

    private static Sent report(String title) {
        JsonPath unit = Fixtures.aUnit().under(Fixtures.aDistrict()).create();
        String unique = title + " " + Fixtures.uniqueCode("A");
        String receipt = Reporting.send(anAddress(), Reporting.about(unit.getString("code"), unique));
        String clueId = as("commission-1", "commission").queryParam("source", "PUBLIC_REPORT")
                .queryParam("limit", 100).get("/api/v1/clues").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.title == '" + unique + "' }.id");
        return new Sent(receipt, clueId, unit);
    }

    private static String ticket(String receipt) {
        return from(anAddress()).body(Map.of("receipt", receipt)).post(TICKETS).then()
                .statusCode(201).extract().path("ticket");
    }

    private static RequestSpecification upload(String ticket, String mediaType, byte[] content) {
        return Api.anonymous().header("X-Forwarded-For", anAddress()).header("Report-Ticket", ticket)
                .contentType(mediaType).body(content);
    }

    @Test
    void aReporterAttachesAPhotoADocumentAndARecordingAndTheCommissionReadsTheSameBytes() throws Exception {
        Sent sent = report("附件：照片、文件、录音");
        JsonPath ticket = from(anAddress()).body(Map.of("receipt", sent.receipt())).post(TICKETS).then()
                .statusCode(201)
                .header("Cache-Control", equalTo("no-store"))
                .body("attachmentsLeft", equalTo(10))
                .body("acceptedTypes.find { it.mediaType == 'image/jpeg' }.maxBytes", equalTo(64 * 1024))
                .extract().jsonPath();
        byte[] photo = realJpeg();
        byte[] document = realPdf();
        byte[] recording = realWav();
        List<byte[]> files = List.of(photo, document, recording);
        List<String> types = List.of("image/jpeg", "application/pdf", "audio/wav");
        for (int i = 0; i < files.size(); i++) {
            upload(ticket.getString("ticket"), types.get(i), files.get(i)).post(ATTACHMENTS).then()
                    .statusCode(201)
                    .body("position", equalTo(i + 1))
                    .body("mediaType", equalTo(types.get(i)))
                    .body("size", equalTo(files.get(i).length))
                    .body("sha256", equalTo(sha256(files.get(i))))
                    .body("receivedOn", equalTo(Fixtures.today().toString()));
        }
        upload(ticket.getString("ticket"), "image/jpeg", photo).post(ATTACHMENTS).then()
                .statusCode(200).body("position", equalTo(1));

        JsonPath clue = as("commission-1", "commission").get("/api/v1/clues/{id}", sent.clueId()).then()
                .statusCode(200).body("report.attachments", hasSize(3)).extract().jsonPath();
        for (int i = 0; i < files.size(); i++) {
            assertEquals(sha256(files.get(i)), clue.getString("report.attachments[" + i + "].sha256"));
            byte[] served = Api.downloadAs("commission-1", "commission").get(CONTENT, sent.clueId(), i + 1).then()
                    .statusCode(200)
                    .contentType(types.get(i))
                    .header("ETag", equalTo("\"" + sha256(files.get(i)) + "\""))
                    .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                    .extract().asByteArray();
            assertArrayEquals(files.get(i), served);
        }
        Api.downloadAs("auditor-1", "auditor").get(CONTENT, sent.clueId(), 4).then().statusCode(404);
        from(anAddress()).body(Map.of("receipt", sent.receipt())).post(REPORTS + "/status").then()
                .statusCode(200)
                .body("attachments.mediaType", equalTo(types))
                .body("attachments[2].sha256", equalTo(sha256(recording)));

        long logged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from event_log e where e::text like :report or e::text like :sha")
                .setParameter("report", "%" + sent.clueId() + "%").setParameter("sha", "%" + sha256(photo) + "%")
                .getSingleResult()).longValue());
        assertEquals(0, logged, "nothing of a report or its attachments enters the event feed");
        List<?> audited = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select actor from audit_events where action = 'ATTACH' and entity_id = :clue"
                                + " and request_id is null and trace_id is null"
                                + " and occurred_at = date_trunc('day', occurred_at, 'Asia/Shanghai')")
                .setParameter("clue", UUID.fromString(sent.clueId())).getResultList());
        assertEquals(List.of("public", "public", "public"), audited,
                "each attachment is on the clue's record, by the public, untraced and dated by the day");
    }

    @Test
    void mp3M4aAndAmrRecordingsAreToldByTheirBytes() {
        Sent sent = report("录音格式");
        String ticket = ticket(sent.receipt());
        byte[] mp3 = Media.withHead(3000, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB});
        byte[] m4a = Media.withHead(3000, Media.ftyp("M4A ", "M4A mp42isom"));
        byte[] amr = Media.withHead(3000, "#!AMR\n".getBytes(StandardCharsets.US_ASCII));
        upload(ticket, "audio/mpeg", mp3).post(ATTACHMENTS).then().statusCode(201).body("mediaType",
                equalTo("audio/mpeg"));
        upload(ticket, "audio/mp4", m4a).post(ATTACHMENTS).then().statusCode(201).body("mediaType",
                equalTo("audio/mp4"));
        upload(ticket, "audio/amr", amr).post(ATTACHMENTS).then().statusCode(201).body("mediaType",
                equalTo("audio/amr"));
    }

    @Test
    void aTicketOpensOnlyItsOwnReportAndIsRefusedWhenForgedOrExpired() {
        Sent one = report("凭证只开自己的举报");
        Sent other = report("另一件举报");
        String ticket = ticket(one.receipt());
        upload(ticket, "image/png", Media.png(2000)).post(ATTACHMENTS).then().statusCode(201);
        as("commission-1", "commission").get("/api/v1/clues/{id}", one.clueId()).then()
                .body("report.attachments", hasSize(1));
        as("commission-1", "commission").get("/api/v1/clues/{id}", other.clueId()).then()
                .body("report.attachments", hasSize(0));

        char last = ticket.charAt(ticket.length() - 2);
        String forged = ticket.substring(0, ticket.length() - 2) + (last == 'A' ? 'B' : 'A')
                + ticket.charAt(ticket.length() - 1);
        for (String bad : List.of(forged, "not-a-ticket", "AAAA", ticket(other.receipt()).substring(1))) {
            upload(bad, "image/png", Media.png(2001)).post(ATTACHMENTS).then()
                    .statusCode(400).body("code", equalTo("TICKET_REFUSED"));
        }
        Api.anonymous().noFilters().filter(Contract.RESPONSES_ONLY).contentType("image/png").body(Media.png(2001))
                .post(ATTACHMENTS).then().statusCode(400).body("code", equalTo("TICKET_REFUSED"));

        clock.advance(Duration.ofMinutes(16));
        upload(ticket, "image/png", Media.png(2002)).post(ATTACHMENTS).then()
                .statusCode(400).body("code", equalTo("TICKET_REFUSED"));
        as("commission-1", "commission").get("/api/v1/clues/{id}", one.clueId()).then()
                .body("report.attachments", hasSize(1));
    }

    @Test
    void aBadReceiptGetsNoTicketAndTheSameAnswerAsTheOtherReceiptEndpoints() {
        String receipt = report("错误查询码").receipt();
        String wrong = receipt.startsWith("0") ? "1" + receipt.substring(1) : "0" + receipt.substring(1);
        String fromStatus = from(anAddress()).body(Map.of("receipt", wrong)).post(REPORTS + "/status").then()
                .statusCode(404).extract().path("detail");
        from(anAddress()).body(Map.of("receipt", wrong)).post(TICKETS).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND")).body("detail", equalTo(fromStatus));
        from(anAddress()).body(Map.of("receipt", "12345")).post(TICKETS).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        String guesser = anAddress();
        for (int i = 0; i < 4; i++) {
            from(guesser).body(Map.of("receipt", "0000 0000 0000 000" + i)).post(TICKETS).then().statusCode(404);
        }
        from(guesser).body(Map.of("receipt", receipt)).post(TICKETS).then()
                .statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void aDeclaredTypeTheBytesDoNotHaveIsRefusedAndNothingIsKept() {
        Sent sent = report("类型不符");
        String ticket = ticket(sent.receipt());
        upload(ticket, "image/png", Media.jpeg(3000)).post(ATTACHMENTS).then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        upload(ticket, "audio/mpeg", Media.pdf(3000)).post(ATTACHMENTS).then().statusCode(415);
        upload(ticket, "application/pdf", "not really a pdf".getBytes(StandardCharsets.UTF_8)).post(ATTACHMENTS)
                .then().statusCode(415);
        upload(ticket, "image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)).noFilters()
                .filter(Contract.RESPONSES_ONLY).post(ATTACHMENTS).then().statusCode(415);
        as("commission-1", "commission").get("/api/v1/clues/{id}", sent.clueId()).then()
                .body("report.attachments", hasSize(0));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsReadAndWhenItsLengthIsNotDeclared() throws Exception {
        Sent sent = report("超过大小");
        String ticket = ticket(sent.receipt());
        byte[] tooBig = Media.jpeg(64 * 1024 + 1);
        upload(ticket, "image/jpeg", tooBig).post(ATTACHMENTS).then()
                .statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));

        // Only the head is sent, announcing a gigabyte: the answer comes without a byte of the body.
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ATTACHMENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/jpeg\r\n"
                    + "Content-Length: 1000000000\r\nAccept: application/json\r\nReport-Ticket: " + ticket
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", status);
        }

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + ATTACHMENTS))
                .header("Content-Type", "image/jpeg")
                .header("Report-Ticket", ticket)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        as("commission-1", "commission").get("/api/v1/clues/{id}", sent.clueId()).then()
                .body("report.attachments", hasSize(0));
    }

    @Test
    void twelveParallelUploadsToAReportOfTenKeepExactlyTen() throws Exception {
        Sent sent = report("并发上传");
        String ticket = ticket(sent.receipt());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] photo = Media.jpeg(2000 + i);
                answers.add(pool.submit(() -> upload(ticket, "image/jpeg", photo).post(ATTACHMENTS).then()
                        .extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), () -> "statuses: " + statuses);
            assertEquals(2, statuses.stream().filter(s -> s == 409).count(), () -> "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        as("commission-1", "commission").get("/api/v1/clues/{id}", sent.clueId()).then()
                .body("report.attachments.position", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        from(anAddress()).body(Map.of("receipt", sent.receipt())).post(TICKETS).then()
                .statusCode(201).body("attachmentsLeft", equalTo(0));
    }

    @Test
    void aReportsAttachmentsAreLimitedInBytesTogether() {
        Sent sent = report("附件总量");
        String ticket = ticket(sent.receipt());
        upload(ticket, "image/png", Media.png(60 * 1024)).post(ATTACHMENTS).then().statusCode(201);
        upload(ticket, "image/png", Media.png(60 * 1024 + 1)).post(ATTACHMENTS).then().statusCode(201);
        upload(ticket, "image/png", Media.png(60 * 1024 + 2)).post(ATTACHMENTS).then()
                .statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        from(anAddress()).body(Map.of("receipt", sent.receipt())).post(TICKETS).then()
                .statusCode(201)
                .body("attachmentsLeft", equalTo(8))
                .body("bytesLeft", equalTo(150 * 1024 - 120 * 1024 - 1));
    }

    @Test
    void onlyWhoReadsTheClueReadsItsAttachments() {
        Sent sent = report("附件保密");
        String ticket = ticket(sent.receipt());
        upload(ticket, "image/png", Media.png(2500)).post(ATTACHMENTS).then().statusCode(201);
        String officer = Fixtures.uniqueCode("unit-officer");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(officer).create(), sent.unit()).create();
        String recused = Fixtures.uniqueCode("recused-member");
        Fixtures.aPost(Fixtures.anOfficial().linkedTo(recused).create(), sent.unit()).create();

        String missing = Api.downloadAs("commission-1", "commission")
                .get(CONTENT, UUID.randomUUID(), 1).then().statusCode(404).extract().path("detail");
        Api.downloadAs(officer, "unit-officer").get(CONTENT, sent.clueId(), 1).then()
                .statusCode(404).body("detail", equalTo(missing));
        Api.downloadAs(recused, "commission").get(CONTENT, sent.clueId(), 1).then()
                .statusCode(404).body("detail", equalTo(missing));
        for (String role : List.of("inspector", "hr", "integration")) {
            Api.downloadAs("someone", role).get(CONTENT, sent.clueId(), 1).then()
                    .statusCode(404).body("detail", equalTo(missing));
        }
        Api.downloadAs("admin-1", "admin").get(CONTENT, sent.clueId(), 1).then().statusCode(200);
        Api.downloadAs("auditor-1", "auditor").get(CONTENT, sent.clueId(), 1).then().statusCode(200);
    }

    @Test
    void theSweeperKeepsTheContentOfAnAttachment() throws Exception {
        Sent sent = report("清理不删附件");
        byte[] photo = Media.png(3100);
        upload(ticket(sent.receipt()), "image/png", photo).post(ATTACHMENTS).then().statusCode(201);
        byte[] unreferenced = Media.png(3101);
        EvidenceStorage.Staged staged = storage.stage(new ByteArrayInputStream(unreferenced), unreferenced.length);
        QuarkusTransaction.requiringNew().call(() -> {
            blobs.claim(staged.sha256(), staged.size(), clock.instant());
            return storage.keep(staged);
        });

        clock.advance(Duration.ofHours(25));
        sweeper.sweep();

        assertFalse(exists(staged.sha256()), "content no record references goes once its grace period has passed");
        assertTrue(exists(sha256(photo)), "an attachment's content stays");
        assertArrayEquals(photo, Api.downloadAs("commission-1", "commission").get(CONTENT, sent.clueId(), 1).then()
                .statusCode(200).extract().asByteArray());
    }

    private boolean exists(String sha256) {
        try (InputStream in = storage.open(sha256, 0, 1)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A real JPEG: a small picture, as ImageIO encodes it. */
    private static byte[] realJpeg() throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A real PDF of one empty page. */
    private static byte[] realPdf() {
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 4\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A real WAV: a quarter of a second of a tone, as javax.sound writes it. */
    private static byte[] realWav() throws IOException {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        byte[] samples = new byte[4000];
        for (int i = 0; i < samples.length / 2; i++) {
            short value = (short) (Math.sin(i * 2 * Math.PI * 440 / 8000) * 8000);
            samples[2 * i] = (byte) value;
            samples[2 * i + 1] = (byte) (value >> 8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), format, samples.length / 2),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
