package org.zuofeng.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.time.Times;
import org.zuofeng.common.web.WireFormats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Judges a capture's signed statement when its bytes are complete. The statement is a JWS in compact form (RFC
 * 7515), ES256 (RFC 7518), with the device key's RFC 7638 thumbprint as {@code kid}; its payload is a JSON object:
 * {@code sha256} (hex, of the file), {@code capturedAt} (RFC 3339), {@code place} ({@code latitude},
 * {@code longitude}, optional) and {@code evidenceId} (optional). It is {@code VERIFIED} only when the key is
 * registered, not revoked, registered by the uploader, the signature holds, the digest is the file's, the capture
 * time is not in the future and the evidence id (if signed) is this evidence's; otherwise {@code INVALID}, with the
 * first reason found. No statement: {@code UNSIGNED}.
 */
@ApplicationScoped
public class CaptureStatements {

    /** The longest statement taken, in characters: a few hundred are enough. */
    public static final int MAX_LENGTH = 4096;
    /** How far ahead of the server's clock a device's may run. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final CaptureDevices devices;
    private final ObjectMapper json;
    private final Clock clock;

    CaptureStatements(CaptureDevices devices, ObjectMapper json, Clock clock) {
        this.devices = devices;
        this.json = json;
        this.clock = clock;
    }

    /** The provenance of a file of digest {@code sha256} uploaded by {@code uploader} as evidence {@code id}. */
    public Provenance judge(String statement, String sha256, String uploader, UUID evidenceId) {
        if (statement == null || statement.isBlank()) {
            return Provenance.unsigned();
        }
        String[] parts = statement.strip().split("\\.", -1);
        if (parts.length != 3 || statement.length() > MAX_LENGTH) {
            return Provenance.invalid("MALFORMED");
        }
        Optional<JsonNode> header = decode(parts[0]);
        Optional<JsonNode> payload = decode(parts[1]);
        byte[] signature = bytes(parts[2]);
        if (header.isEmpty() || payload.isEmpty() || signature == null) {
            return Provenance.invalid("MALFORMED");
        }
        if (!"ES256".equals(header.get().path("alg").asText()) || header.get().has("crit")) {
            return Provenance.invalid("UNSUPPORTED_ALGORITHM");
        }
        Optional<CaptureDevice> device = devices.byKeyId(header.get().path("kid").asText(""));
        if (device.isEmpty()) {
            return Provenance.invalid("UNKNOWN_KEY");
        }
        if (device.get().revokedAt != null) {
            return Provenance.invalid("REVOKED_KEY");
        }
        if (!device.get().subject.equals(uploader)) {
            return Provenance.invalid("ANOTHER_SUBJECTS_KEY");
        }
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!DeviceKeys.verifyEs256(DeviceKeys.fromSpki(device.get().publicKey), signed, signature)) {
            return Provenance.invalid("BAD_SIGNATURE");
        }
        return claims(payload.get(), sha256, evidenceId, device.get().keyId);
    }

    /** What the signed payload says, checked against the file and the clock. */
    private Provenance claims(JsonNode payload, String sha256, UUID evidenceId, String keyId) {
        if (!sha256.equalsIgnoreCase(payload.path("sha256").asText())) {
            return Provenance.invalid("DIGEST_MISMATCH");
        }
        Instant captured;
        try {
            captured = WireFormats.dateTime(payload.path("capturedAt").asText()).toInstant();
        } catch (DateTimeException e) {
            return Provenance.invalid("NO_CAPTURE_TIME");
        }
        if (captured.isAfter(clock.instant().plus(SKEW))) {
            return Provenance.invalid("CAPTURED_IN_THE_FUTURE");
        }
        JsonNode signedId = payload.get("evidenceId");
        if (signedId != null && (evidenceId == null || !evidenceId.toString().equalsIgnoreCase(signedId.asText()))) {
            return Provenance.invalid("ANOTHER_EVIDENCE");
        }
        Provenance.Place place = null;
        JsonNode at = payload.get("place");
        if (at != null) {
            double latitude = at.path("latitude").asDouble(Double.NaN);
            double longitude = at.path("longitude").asDouble(Double.NaN);
            if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
                return Provenance.invalid("BAD_PLACE");
            }
            place = new Provenance.Place(latitude, longitude);
        }
        return new Provenance(ProvenanceStatus.VERIFIED, null, Times.toWire(captured), place, keyId, false);
    }

    private Optional<JsonNode> decode(String part) {
        byte[] bytes = bytes(part);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(String part) {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
