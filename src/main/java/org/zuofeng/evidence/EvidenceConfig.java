package org.zuofeng.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Where evidence is kept and how large it may be; and the resumable uploads devices send it by. */
@ConfigMapping(prefix = "zuofeng")
public interface EvidenceConfig {

    Evidence evidence();

    /** Resumable uploads, set with field sync ({@code zuofeng.sync.*}), whose devices use them. */
    @WithName("sync")
    Uploads uploads();

    /** Photo, video and document evidence. */
    interface Evidence {
        /**
         * The directory of the content-addressed evidence store ({@code ZUOFENG_EVIDENCE_DIR}); required in
         * production, under {@code target/} in dev mode. Staging files live below it too, on the same file system.
         */
        String dir();

        /** Largest JPEG, PNG or HEIC image ({@code ZUOFENG_EVIDENCE_MAX_IMAGE_SIZE}). */
        @WithDefault("25M")
        MemorySize maxImageSize();

        /** Largest MP4 or QuickTime video ({@code ZUOFENG_EVIDENCE_MAX_VIDEO_SIZE}). */
        @WithDefault("2G")
        MemorySize maxVideoSize();

        /** Largest PDF ({@code ZUOFENG_EVIDENCE_MAX_PDF_SIZE}). */
        @WithDefault("50M")
        MemorySize maxPdfSize();

        /**
         * How long kept content that no evidence references stays before the sweeper removes it
         * ({@code ZUOFENG_EVIDENCE_SWEEP_AFTER}): far longer than any upload takes from keeping its bytes to
         * committing its record.
         */
        @WithDefault("PT24H")
        Duration sweepAfter();

        /**
         * Whether evidence of a covert inspection under way must come with a capture statement signed on a
         * registered device ({@code ZUOFENG_EVIDENCE_REQUIRE_SIGNED_COVERT}); an unsigned one is then refused.
         */
        @WithDefault("false")
        boolean requireSignedCovert();

        /** How long content is kept once its matter closed ({@link EvidenceRetention}). */
        Retention retention();
    }

    /** Retention periods per kind of evidence; a kind without one is kept for good. */
    interface Retention {
        /** Evidence of covert inspections ({@code ZUOFENG_EVIDENCE_RETENTION_COVERT}, e.g. {@code P10Y}). */
        Optional<Period> covert();

        /** Evidence a public-exposure notice named ({@code ZUOFENG_EVIDENCE_RETENTION_EXPOSURE}). */
        Optional<Period> exposure();

        /** Any other evidence ({@code ZUOFENG_EVIDENCE_RETENTION_ORDINARY}). */
        Optional<Period> ordinary();
    }

    /** Resumable uploads (tus). */
    interface Uploads {
        /** How long an unfinished resumable upload is kept ({@code ZUOFENG_SYNC_UPLOAD_EXPIRY}). */
        @WithDefault("P7D")
        Duration uploadExpiry();

        /** The largest chunk one PATCH of a resumable upload may carry ({@code ZUOFENG_SYNC_MAX_CHUNK}). */
        @WithDefault("16M")
        MemorySize maxChunk();
    }
}
