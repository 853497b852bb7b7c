package org.zuofeng.evidence;

import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.web.ContentDigest;
import org.zuofeng.common.web.WireFormats;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * An upload as it arrives: the body stream and what its headers say about it. The digest ({@code Content-Digest},
 * RFC 9530) is required; {@code X-Captured-At}, {@code X-File-Name} (percent-encoded UTF-8) and
 * {@code Capture-Statement} (a JWS signed on the device, {@link CaptureStatements}) are optional; the name is kept as
 * {@link FileNames#safe} makes it.
 */
public record EvidenceUpload(InputStream body, String contentType, Long contentLength, String sha256,
        Instant capturedAt, String fileName, UUID id, String captureStatement) {

    public static EvidenceUpload of(InputStream body, String contentType, Long contentLength, String contentDigest,
            String capturedAt, String fileName, String captureStatement) {
        return new EvidenceUpload(body, contentType, contentLength, ContentDigest.sha256Of(contentDigest),
                instant(capturedAt), name(fileName), null, statement(captureStatement));
    }

    /** A capture statement, bounded before it is judged. */
    static String statement(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.length() > CaptureStatements.MAX_LENGTH) {
            throw ProblemException.invalidParameter("Capture-Statement", Text.of("evidence.statementTooLong",
                    CaptureStatements.MAX_LENGTH));
        }
        return header.strip();
    }

    private static Instant instant(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return WireFormats.dateTime(header.trim()).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.invalidParameter("X-Captured-At", WireFormats.DATE_TIME_EXPECTATION);
        }
    }

    private static String name(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(header.trim().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("X-File-Name", Text.of("field.percentEncoded"));
        }
        if (decoded.length() > 255) {
            throw ProblemException.invalidParameter("X-File-Name", Text.of("field.fileNameAtMostCharacters"));
        }
        return decoded;
    }
}
