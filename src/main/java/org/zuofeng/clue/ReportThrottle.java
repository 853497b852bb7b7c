package org.zuofeng.clue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;
import org.zuofeng.common.web.ClientAddress;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Reports and receipt lookups counted per client address and hour, across the replicas, in {@code report_throttle}.
 * The address is never kept: a row's key is an HMAC of the address and the hour under a key derived from the server's
 * secret, so the same address gives unrelated keys in two hours, and the rows of an hour are deleted within minutes
 * of its end. Each count commits in a transaction of its own before the request's work, so a lookup that fails (a
 * wrong receipt) is counted all the same.
 */
@ApplicationScoped
public class ReportThrottle {

    /** What is counted. */
    public enum Action {
        REPORT, LOOKUP
    }

    private static final Duration WINDOW = Duration.ofHours(1);

    private final EntityManager em;
    private final ServerKeys keys;
    private final Clock clock;
    private final ReportsConfig config;

    public ReportThrottle(EntityManager em, ServerKeys keys, Clock clock, ReportsConfig config) {
        this.em = em;
        this.keys = keys;
        this.clock = clock;
        this.config = config;
    }

    /** Counts one {@code action} from {@code remote}; a 429 with {@code Retry-After} past the hour's limit. */
    public void admit(Action action, SocketAddress remote) {
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        String key = HexFormat.of().formatHex(keys.mac("public-report.address",
                (window.getEpochSecond() + "|" + ClientAddress.of(remote)).getBytes(StandardCharsets.UTF_8)));
        Number hits = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery("""
                        insert into report_throttle (address_key, action, window_start, hits)
                        values (:key, :action, :window, 1)
                        on conflict (address_key, action, window_start)
                        do update set hits = report_throttle.hits + 1
                        returning hits""")
                .setParameter("key", key).setParameter("action", action.name()).setParameter("window", window)
                .getSingleResult());
        int limit = action == Action.REPORT ? config.perAddressHourly() : config.lookupsPerAddressHourly();
        if (hits.intValue() > limit) {
            long retry = Math.max(1, Duration.between(now, window.plus(WINDOW)).toSeconds());
            throw new ProblemException(ErrorCode.RATE_LIMITED, Text.of(action == Action.REPORT
                    ? "clue.reportsPerHour" : "clue.lookupsPerHour", limit, retry))
                    .withHeader("Retry-After", Long.toString(retry));
        }
    }

    /** Forgets the counts of hours that have ended. */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from report_throttle where window_start < :hour")
                .setParameter("hour", clock.instant().truncatedTo(ChronoUnit.HOURS)).executeUpdate());
    }
}
