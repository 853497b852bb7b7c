package org.zuofeng.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/** The service's own settings ({@code zuofeng.*}); each has a default, and each can be set by environment variable. */
@ConfigMapping(prefix = "zuofeng")
public interface ZuofengConfig {

    /**
     * The service's master secret ({@code ZUOFENG_SECRET}): at least 32 characters, the same on every replica, kept
     * in the environment (a Kubernetes Secret), never in the database. Signs list cursors and encrypts stored
     * idempotent answers; required in production (dev and test mode bring throw-away ones).
     */
    String secret();

    Json json();

    Idempotency idempotency();

    DevDatabase devDatabase();

    Evidence evidence();

    Assessment assessment();

    Sync sync();

    Events events();

    Webhooks webhooks();

    Exports exports();

    @io.smallrye.config.WithName("public")
    PublicApi publicApi();

    Documents documents();

    Demo demo();

    /** Formal documents (公文): who issues them and how their numbers begin. */
    interface Documents {
        /** The issuing organ, at the head and the foot of every document ({@code ZUOFENG_DOCUMENTS_ORGAN}). */
        String organ();

        /**
         * The organ's short form that begins every document number, 榕纪 in 榕纪通〔2026〕3号
         * ({@code ZUOFENG_DOCUMENTS_NUMBER_PREFIX}).
         */
        String numberPrefix();
    }

    /** The anonymous public API ({@code /api/v1/public/**}). */
    interface PublicApi {
        /** Requests one client address may make in a window ({@code ZUOFENG_PUBLIC_RATE_LIMIT}). */
        @WithDefault("120")
        int rateLimit();

        /** The window of the rate limit ({@code ZUOFENG_PUBLIC_RATE_WINDOW}). */
        @WithDefault("PT1M")
        Duration rateWindow();

        /**
         * How long a published notice stays on the public API after it is issued
         * ({@code ZUOFENG_PUBLIC_EXPOSURE_RETENTION}); it stays in the record.
         */
        @WithDefault("P3Y")
        java.time.Period exposureRetention();

        /**
         * For how many years back final assessment results stay on the public API
         * ({@code ZUOFENG_PUBLIC_RESULT_RETENTION}); they stay in the record.
         */
        @WithDefault("P3Y")
        java.time.Period resultRetention();

        /**
         * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code ZUOFENG_PUBLIC_TRUSTED_PROXIES},
         * comma-separated addresses); from anyone else the header is ignored and the peer address counts.
         */
        Optional<String> trustedProxies();
    }

    /** Bulk exports. */
    interface Exports {
        /** How often each replica looks for queued exports ({@code ZUOFENG_EXPORTS_EVERY}); {@code off} stops it. */
        @WithDefault("1s")
        String every();
    }

    /** Webhook deliveries. */
    interface Webhooks {
        /**
         * Targets that may be internal (or {@code http}): {@code host:port} or {@code host:*}, comma separated
         * ({@code ZUOFENG_WEBHOOKS_ALLOWED_TARGETS}). Absent: only public {@code https} targets.
         */
        Optional<String> allowedTargets();

        /**
         * How often each replica queues new events and sends what is due ({@code ZUOFENG_WEBHOOKS_EVERY});
         * {@code off} stops it on this replica.
         */
        @WithDefault("1s")
        String every();

        /** How long a receiver has to answer one attempt ({@code ZUOFENG_WEBHOOKS_TIMEOUT}). */
        @WithDefault("PT10S")
        Duration timeout();
    }

    /** The event feed other systems follow, and the webhooks that push it to them. */
    interface Events {
        /**
         * How long a reader of the feed may stay away ({@code ZUOFENG_EVENTS_RETENTION}): a cursor issued longer
         * ago gets 410 {@code CURSOR_EXPIRED}.
         */
        @WithDefault("P90D")
        Duration retention();

        /**
         * How often the overdue job looks for rectification notices past their deadline
         * ({@code ZUOFENG_EVENTS_OVERDUE_EVERY}).
         */
        @WithDefault("1m")
        String overdueEvery();
    }

    /** Field sync: devices pushing what they recorded and pulling what changed, and resumable uploads. */
    interface Sync {
        /**
         * How long changes (removals included) are kept for devices to pull ({@code ZUOFENG_SYNC_RETENTION}); a
         * device away longer gets 410 {@code CURSOR_EXPIRED} and takes a new snapshot. Mutation results are kept
         * as long, to answer repeated pushes.
         */
        @WithDefault("P90D")
        Duration retention();

        /** How long an unfinished resumable upload is kept ({@code ZUOFENG_SYNC_UPLOAD_EXPIRY}). */
        @WithDefault("P7D")
        Duration uploadExpiry();

        /** The largest chunk one PATCH of a resumable upload may carry ({@code ZUOFENG_SYNC_MAX_CHUNK}). */
        @WithDefault("16M")
        MemorySize maxChunk();
    }

    /** The demo district of dev mode. */
    interface Demo {
        /**
         * Whether the first start creates the demo district ({@code ZUOFENG_DEMO_ENABLED}; on in dev mode, ignored in
         * production).
         */
        @WithDefault("false")
        boolean enabled();
    }

    /** Yearly assessments. */
    interface Assessment {
        /** How many calendar days public notice (公示) lasts ({@code ZUOFENG_ASSESSMENT_NOTICE_DAYS}). */
        @WithDefault("5")
        @Min(1)
        int noticeDays();
    }

    /** JSON request bodies. */
    interface Json {
        /** Largest JSON request body in bytes ({@code ZUOFENG_JSON_MAX_BODY_SIZE}); larger ones get 413. */
        @WithDefault("1048576")
        long maxBodySize();
    }

    /** Stored answers for {@code Idempotency-Key}. */
    interface Idempotency {
        /** How long an answer is kept for replay ({@code ZUOFENG_IDEMPOTENCY_RETENTION}). */
        @WithDefault("PT24H")
        Duration retention();

        /**
         * How long a request may hold its key before a retry may take it over: longer than any request runs
         * ({@code ZUOFENG_IDEMPOTENCY_LEASE}).
         */
        @WithDefault("PT2M")
        Duration lease();

        /** How many expired answers one statement of the background purge deletes at most. */
        @WithDefault("1000")
        @Min(1)
        int purgeBatchSize();
    }

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
    }

    /**
     * The embedded PostgreSQL of {@code quarkus:dev}, read by
     * {@link org.zuofeng.common.devdb.DevDatabaseConfigSourceFactory}; no effect in production or tests.
     */
    interface DevDatabase {
        /** Start it when no datasource URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Where its data lives between runs. */
        @WithDefault("target/dev-postgres")
        String dataDirectory();

        /** Its port; a free one when absent. */
        Optional<Integer> port();
    }
}
