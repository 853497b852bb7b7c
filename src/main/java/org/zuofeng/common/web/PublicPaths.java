package org.zuofeng.common.web;

import java.util.List;

/**
 * Which paths are the anonymous public API ({@code /api/v1/public/**}: published data, cacheable and rate-limited)
 * and which others hold nothing confidential (labels, problem types, the contract).
 */
public final class PublicPaths {

    private static final String PUBLIC_API = "/api/v1/public/";
    private static final List<String> NOT_CONFIDENTIAL = List.of(PUBLIC_API, "/api/v1/labels", "/api/v1/problems",
            "/api/v1/openapi.json");

    private PublicPaths() {
    }

    /** Whether {@code path} (as JAX-RS gives it, with or without its leading slash) is under the public API. */
    public static boolean publicApi(String path) {
        return ("/" + path).replace("//", "/").startsWith(PUBLIC_API);
    }

    /** Whether a response at {@code path} may be kept by shared caches: outside the API, or public within it. */
    public static boolean confidential(String path) {
        return path.startsWith("/api/") && NOT_CONFIDENTIAL.stream().noneMatch(path::startsWith);
    }
}
