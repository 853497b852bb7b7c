package org.zuofeng.common.web;

import java.util.List;

/**
 * Which paths are the anonymous public API ({@code /api/v1/public/**}: published data, cacheable and rate-limited)
 * and which others hold nothing confidential (labels, problem types, the contract). The public reporting channel
 * ({@code /api/v1/public/reports}) is anonymous and rate-limited but confidential: no cache may keep its answers.
 */
public final class PublicPaths {

    private static final String PUBLIC_API = "/api/v1/public/";
    private static final String REPORTING = "/api/v1/public/reports";
    private static final List<String> NOT_CONFIDENTIAL = List.of(PUBLIC_API, "/api/v1/labels", "/api/v1/problems",
            "/api/v1/openapi.json");

    private PublicPaths() {
    }

    /** Whether {@code path} (as JAX-RS gives it, with or without its leading slash) is under the public API. */
    public static boolean publicApi(String path) {
        return rooted(path).startsWith(PUBLIC_API);
    }

    /** Whether a GET at {@code path} (as JAX-RS gives it) is published data that browsers and shared caches keep. */
    public static boolean cacheable(String path) {
        return publicApi(path) && !rooted(path).startsWith(REPORTING);
    }

    /** Whether a response at {@code path} may be kept by no cache: in the API, and neither published nor open data. */
    public static boolean confidential(String path) {
        return path.startsWith("/api/")
                && (path.startsWith(REPORTING) || NOT_CONFIDENTIAL.stream().noneMatch(path::startsWith));
    }

    private static String rooted(String path) {
        return ("/" + path).replace("//", "/");
    }
}
