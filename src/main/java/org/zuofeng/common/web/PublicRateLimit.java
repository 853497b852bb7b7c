package org.zuofeng.common.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public API's rate limit: each client address may make so many requests per fixed window, counted in
 * PostgreSQL so that every replica shares one count; beyond it, 429 with {@code Retry-After}. Every public answer
 * says where the client stands, in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers. The client
 * address is the peer's, or, from a configured reverse proxy only, the last {@code X-Forwarded-For} address that is
 * not one of them.
 */
@ApplicationScoped
public class PublicRateLimit {

    private static final String WINDOW = "zuofeng.rateLimitWindow";
    private static final String POLICY = "public";

    /** Where a client stands in its window. */
    record Standing(int limit, int remaining, long resetSeconds) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final int limit;
    private final long window;
    private final Set<String> proxies;

    public PublicRateLimit(EntityManager em, Clock clock, WebConfig config) {
        this.em = em;
        this.clock = clock;
        this.limit = config.publicApi().rateLimit();
        this.window = Math.max(1, config.publicApi().rateWindow().toSeconds());
        this.proxies = config.publicApi().trustedProxies().map(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void count(ContainerRequestContext request, HttpServerRequest http) {
        if (!PublicPaths.publicApi(request.getUriInfo().getPath())) {
            return;
        }
        String client = clientOf(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                http.getHeader("X-Forwarded-For"), proxies);
        Instant now = clock.instant();
        long start = Math.floorDiv(now.getEpochSecond(), window) * window;
        int hits = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into public_rate_limits (client, window_start, hits) values (:client, :start, 1)
                        on conflict (client, window_start) do update set hits = public_rate_limits.hits + 1
                        returning hits""")
                .setParameter("client", client).setParameter("start", Instant.ofEpochSecond(start))
                .getSingleResult()).intValue());
        Standing standing = new Standing(limit, Math.max(0, limit - hits),
                Math.max(1, start + window - now.getEpochSecond()));
        request.setProperty(WINDOW, standing);
        if (hits > limit) {
            throw new ProblemException(ErrorCode.RATE_LIMITED, "This address may make " + limit
                    + " requests to the public API every " + window + " s; try again in " + standing.resetSeconds()
                    + " s")
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

    /** Removes the counts of windows long past. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from public_rate_limits where window_start < :before")
                .setParameter("before", clock.instant().minusSeconds(window * 2 + 60)).executeUpdate());
    }

    private String policy() {
        return "\"" + POLICY + "\";q=" + limit + ";w=" + window;
    }

    private static String rateLimit(Standing standing) {
        return "\"" + POLICY + "\";r=" + standing.remaining() + ";t=" + standing.resetSeconds();
    }

    /** The client: the peer, or behind trusted proxies the last forwarded address that is not a proxy. */
    static String clientOf(String peer, String forwardedFor, Set<String> proxies) {
        String client = peer == null ? "unknown" : peer;
        if (forwardedFor == null || !proxies.contains(client)) {
            return client;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!proxies.contains(hops.get(i))) {
                return hops.get(i).length() > 64 ? hops.get(i).substring(0, 64) : hops.get(i);
            }
        }
        return client;
    }
}
