package org.zuofeng.evidence;

import java.time.OffsetDateTime;

/**
 * A capture's provenance: {@code VERIFIED} with what the device signed (the capture time, the place, the device key),
 * {@code UNSIGNED}, or {@code INVALID} with the reason ({@link CaptureStatements}); and whether the file embeds a C2PA
 * manifest ({@link ContentCredentials}: present, kept, not verified).
 */
public record Provenance(ProvenanceStatus status, String reason, OffsetDateTime capturedAt, Place place,
        String deviceKeyId, boolean c2paManifest) {

    /** Where the device says the capture was made (WGS 84 degrees). */
    public record Place(double latitude, double longitude) {
    }

    static Provenance unsigned() {
        return new Provenance(ProvenanceStatus.UNSIGNED, null, null, null, null, false);
    }

    static Provenance invalid(String reason) {
        return new Provenance(ProvenanceStatus.INVALID, reason, null, null, null, false);
    }

    Provenance withC2paManifest(boolean present) {
        return new Provenance(status, reason, capturedAt, place, deviceKeyId, present);
    }
}
