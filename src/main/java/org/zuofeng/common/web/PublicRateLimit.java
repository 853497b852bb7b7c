package org.zuofeng.common.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The public API's rate limit: each client address may make so many requests per fixed window, counted across the
 * replicas by {@link RateLimitCounts} under a keyed hash of the address (no address is written to the database: the
 * public reporting channel is counted here too); beyond it, 429 with {@code Retry-After}. Every public answer says
 * where the client stands, in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers. The client address is
 * the request's remote address ({@link ClientAddress}).
 */
@ApplicationScoped
public class PublicRateLimit {

    private static final String WINDOW = "zuofeng.rateLimitWindow";
    private static final String POLICY = "public";

    /** Where a client stands in its window. */
    record Standing(int limit, int remaining, long resetSeconds) {
    }

    private final RateLimitCounts counts;
    private final ServerKeys keys;
    private final Clock clock;
    private final int limit;

    public PublicRateLimit(RateLimitCounts counts, ServerKeys keys, Clock clock, WebConfig config) {
        this.counts = counts;
        this.keys = keys;
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
        int hits = counts.count(keyOf(ClientAddress.of(http.remoteAddress())), start);
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

    /** What requests from {@code address} are counted under: its HMAC, in hex (64 characters, the column's size). */
    public String keyOf(String address) {
        return HexFormat.of().formatHex(keys.mac("public-api.address", address.getBytes(StandardCharsets.UTF_8)));
    }
}
