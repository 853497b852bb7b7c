package org.zuofeng.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests each client address has made to the public API in a fixed window, shared by every replica
 * through {@code public_rate_limits} without a database write per request. Each replica counts in memory and, about
 * once a second ({@link #flush}), adds what it counted to the shared rows in one batched upsert that reads the totals
 * back; a client's count is the total last read plus what this replica has counted since. So a replica learns of the
 * others' requests one flush late: a client may exceed its limit by what the other replicas let through in one flush
 * interval. Memory is bounded: past {@code capacity} distinct clients in a window, a client is counted in PostgreSQL
 * directly, one upsert per request.
 */
@ApplicationScoped
public class RateLimitCounts {

    private static final Logger LOG = Logger.getLogger(RateLimitCounts.class);

    /** Rows per upsert: after a burst of many distinct clients a flush is a few statements, none of them huge. */
    private static final int ROWS_PER_UPSERT = 5_000;

    /** What this replica has read of a client's shared count: the total, and how many of its own requests it held. */
    private record Known(int total, int ours) {
        static final Known NOTHING = new Known(0, 0);
    }

    /** One client in one window, on this replica. */
    private static final class Counter {
        final AtomicInteger counted = new AtomicInteger();
        volatile Known known = Known.NOTHING;
        /** How many of {@code counted} the shared row holds; only the flush, under its lock, touches it. */
        int added;

        int hit() {
            int ours = counted.incrementAndGet();
            Known read = known;
            return read.total() + ours - read.ours();
        }
    }

    /** The clients counted in memory in one window. */
    private record Window(ConcurrentMap<String, Counter> counters, AtomicInteger size) {
        Window() {
            this(new ConcurrentHashMap<>(), new AtomicInteger());
        }
    }

    /** A counter whose requests the shared row does not hold yet. */
    private record Pending(long start, String client, Counter counter, int counted) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper json;
    private final long window;
    private final int capacity;
    private final ConcurrentMap<Long, Window> windows = new ConcurrentHashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();

    @Inject
    public RateLimitCounts(EntityManager em, Clock clock, ObjectMapper json, WebConfig config) {
        this(em, clock, json, config.publicApi().rateWindow().toSeconds(),
                config.publicApi().rateClientsInMemory());
    }

    /** Counts with a window of {@code windowSeconds} and at most {@code capacity} clients a window in memory. */
    RateLimitCounts(EntityManager em, Clock clock, ObjectMapper json, long windowSeconds, int capacity) {
        this.em = em;
        this.clock = clock;
        this.json = json;
        this.window = Math.max(1, windowSeconds);
        this.capacity = capacity;
    }

    /** The start of the window {@code now} falls in, in epoch seconds. */
    public long windowStart(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), window) * window;
    }

    /** How long a window lasts, in seconds. */
    public long windowSeconds() {
        return window;
    }

    /** Counts one request of {@code client} in the window starting at {@code start}; answers its count there. */
    public int count(String client, long start) {
        Window counted = windows.computeIfAbsent(start, s -> new Window());
        Counter counter = counted.counters().get(client);
        if (counter == null) {
            if (counted.size().get() >= capacity) {
                return countInDatabase(client, start);
            }
            counter = counted.counters().computeIfAbsent(client, c -> {
                counted.size().incrementAndGet();
                return new Counter();
            });
        }
        return counter.hit();
    }

    /**
     * Adds what this replica counted since the last flush to the shared rows and reads their totals back. Counts a
     * failed upsert did not add stay for the next flush; windows that have ended are forgotten, since no decision
     * depends on them any more.
     */
    @Scheduled(every = "${zuofeng.public.rate-flush-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        flushing.lock();
        try {
            List<Pending> pending = pending();
            for (int from = 0; from < pending.size(); from += ROWS_PER_UPSERT) {
                List<Pending> rows = pending.subList(from, Math.min(pending.size(), from + ROWS_PER_UPSERT));
                try {
                    Map<String, Integer> totals = QuarkusTransaction.requiringNew().call(() -> upsert(rows));
                    for (Pending row : rows) {
                        row.counter().added = row.counted();
                        Integer total = totals.get(key(row.start(), row.client()));
                        if (total != null) {
                            row.counter().known = new Known(total, row.counted());
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("The public API's request counts could not be shared (%s); they are kept for the next "
                            + "flush", e.getClass().getSimpleName());
                    break;
                }
            }
            long current = windowStart(clock.instant());
            windows.keySet().removeIf(start -> start < current);
        } finally {
            flushing.unlock();
        }
    }

    /** Removes the counts of windows long past. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from public_rate_limits where window_start < :before")
                .setParameter("before", clock.instant().minusSeconds(window * 2 + 60)).executeUpdate());
    }

    /**
     * The counters with requests the shared rows do not hold, in the order of the rows' keys: every replica locks
     * the rows it upserts in that one order, so two flushes never deadlock.
     */
    private List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        windows.forEach((start, counted) -> counted.counters().forEach((client, counter) -> {
            int now = counter.counted.get();
            if (now > counter.added) {
                pending.add(new Pending(start, client, counter, now));
            }
        }));
        pending.sort(Comparator.comparingLong(Pending::start).thenComparing(Pending::client));
        return pending;
    }

    /** Adds the rows' new requests to the shared counts; answers the totals by {@link #key}. */
    private Map<String, Integer> upsert(List<Pending> rows) {
        List<Map<String, Object>> counts = new ArrayList<>(rows.size());
        for (Pending row : rows) {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("client", row.client());
            count.put("window_start", row.start());
            count.put("hits", row.counted() - row.counter().added);
            counts.add(count);
        }
        String batch;
        try {
            batch = json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> totals = em.createNativeQuery("""
                        insert into public_rate_limits (client, window_start, hits)
                        select c.client, to_timestamp(c.window_start), c.hits
                        from json_to_recordset(cast(:counts as json))
                            as c(client varchar(64), window_start bigint, hits integer)
                        order by c.window_start, c.client
                        on conflict (client, window_start) do update set hits = public_rate_limits.hits + excluded.hits
                        returning client, cast(extract(epoch from window_start) as bigint), hits""")
                .setParameter("counts", batch).getResultList();
        Map<String, Integer> byKey = new HashMap<>();
        for (Object[] total : totals) {
            byKey.put(key(((Number) total[1]).longValue(), (String) total[0]), ((Number) total[2]).intValue());
        }
        return byKey;
    }

    /** A client beyond what memory holds: counted in the shared row at once, as every request was before. */
    private int countInDatabase(String client, long start) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into public_rate_limits (client, window_start, hits) values (:client, :start, 1)
                        on conflict (client, window_start) do update set hits = public_rate_limits.hits + 1
                        returning hits""")
                .setParameter("client", client).setParameter("start", Instant.ofEpochSecond(start))
                .getSingleResult()).intValue());
    }

    private static String key(long start, String client) {
        return start + " " + client;
    }
}
