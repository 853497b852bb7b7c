package org.zuofeng.common.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.time.Clock;
import java.time.Instant;

/**
 * The public API's rate limit: each client address may make so many requests per fixed window, counted across the
 * replicas by {@link RateLimitCounts}; beyond it, 429 with {@code Retry-After}. Every public answer says where the
 * client stands, in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers. The client address is the
 * request's remote address, which Quarkus takes from {@code X-Forwarded-For} when, and only when, the peer is one of
 * the trusted proxies ({@code quarkus.http.proxy.*}, set from {@code ZUOFENG_PUBLIC_TRUSTED_PROXIES}).
 */
@ApplicationScoped
public class PublicRateLimit {

    private static final String WINDOW = "zuofeng.rateLimitWindow";
    private static final String POLICY = "public";

    /** The longest client address kept: the counts' column, and more than any IPv6 address needs. */
    private static final int ADDRESS_LENGTH = 64;

    /** Where a client stands in its window. */
    record Standing(int limit, int remaining, long resetSeconds) {
    }

    private final RateLimitCounts counts;
    private final Clock clock;
    private final int limit;

    public PublicRateLimit(RateLimitCounts counts, Clock clock, WebConfig config) {
        this.counts = counts;
        this.clock = clock;
        this.limit = config.publicApi().rateLimit();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void count(ContainerRequestContext request, HttpServerRequest http) {
        if (!PublicPaths.publicApi(request.getUriInfo().getPath())) {
            return;
        }
        Instant now = clock.instant();
        long start = counts.windowStart(now);
        int hits = counts.count(clientOf(http.remoteAddress()), start);
        Standing standing = new Standing(limit, Math.max(0, limit - hits),
                Math.max(1, start + counts.windowSeconds() - now.getEpochSecond()));
        request.setProperty(WINDOW, standing);
        if (hits > limit) {
            throw new ProblemException(ErrorCode.RATE_LIMITED, Text.of("common.addressMayMakeRequestsPublic", limit,
                    counts.windowSeconds(), standing.resetSeconds()))
                    .withHeader("Retry-After", Long.toString(standing.resetSeconds()))
                    .withHeader("RateLimit-Policy", policy())
                    .withHeader("RateLimit", rateLimit(standing));
        }
    }

    @ServerResponseFilter
    public void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WINDOW) instanceof Standing standing) {
            response.getHeaders().putSingle("RateLimit-Policy", policy());
            response.getHeaders().putSingle("RateLimit", rateLimit(standing));
        }
    }

    private String policy() {
        return "\"" + POLICY + "\";q=" + limit + ";w=" + counts.windowSeconds();
    }

    private static String rateLimit(Standing standing) {
        return "\"" + POLICY + "\";r=" + standing.remaining() + ";t=" + standing.resetSeconds();
    }

    /** The address requests are counted under: as an IP address where it is one (a proxy may forward anything). */
    private static String clientOf(SocketAddress remote) {
        String address = remote == null ? null : remote.hostAddress() != null ? remote.hostAddress() : remote.host();
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        return address.length() > ADDRESS_LENGTH ? address.substring(0, ADDRESS_LENGTH) : address;
    }
}
