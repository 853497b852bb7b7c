package org.zuofeng.common.web;

import java.util.Set;

/** Reaches the rate limit's choice of client address from tests outside its package. */
public final class PublicRateLimitProbe {

    private PublicRateLimitProbe() {
    }

    public static String clientOf(String peer, String forwardedFor, Set<String> proxies) {
        return PublicRateLimit.clientOf(peer, forwardedFor, proxies);
    }
}
