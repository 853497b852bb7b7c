package org.zuofeng.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A piece of evidence as part of a finding: enough to list it and to fetch it. */
public record EvidenceSummary(UUID id, String mediaType, long size, String sha256, OffsetDateTime capturedAt,
        String fileName) {
}
