package org.zuofeng.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A registered capture device: whose it is, its key's id, and whether the commission revoked it. */
public record DeviceView(UUID id, UUID clientId, String subject, String keyId, int attestationCertificates,
        OffsetDateTime registeredAt, OffsetDateTime revokedAt, String revokedBy, String revocationReason) {
}
