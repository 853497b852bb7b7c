package org.zuofeng.common.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** What the HTTP layer holds requests to: the size of JSON bodies, and the public API's rate limit. */
@ConfigMapping(prefix = "zuofeng")
public interface WebConfig {

    Json json();

    @WithName("public")
    PublicApi publicApi();

    /** JSON request bodies. */
    interface Json {
        /** Largest JSON request body in bytes ({@code ZUOFENG_JSON_MAX_BODY_SIZE}); larger ones get 413. */
        @WithDefault("1048576")
        long maxBodySize();
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
         * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code ZUOFENG_PUBLIC_TRUSTED_PROXIES},
         * comma-separated addresses or CIDRs such as {@code 10.42.0.0/16}); from any other peer the header is
         * ignored. Quarkus reads it, as {@code quarkus.http.proxy.trusted-proxies} (application.properties): declared
         * here so that it is a known, documented setting.
         */
        Optional<String> trustedProxies();

        /**
         * How many distinct client addresses a replica counts in memory per window
         * ({@code ZUOFENG_PUBLIC_RATE_CLIENTS_IN_MEMORY}); the ones beyond are counted in PostgreSQL request by request.
         */
        @WithDefault("100000")
        int rateClientsInMemory();

        /**
         * How often a replica adds the requests it counted to the count every replica shares, and reads the others'
         * ({@code ZUOFENG_PUBLIC_RATE_FLUSH_EVERY}): a client may exceed its limit by what the other replicas let
         * through in this interval.
         */
        @WithDefault("1s")
        String rateFlushEvery();
    }
}
