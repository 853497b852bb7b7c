package org.zuofeng.clue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.zuofeng.common.crypto.Digests;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.problem.Text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The proof of work a public report costs its sender (a hashcash, as GlobaLeaks asks of its submissions): a challenge
 * is a random id, an expiry and a difficulty, signed by the server, so that handing one out writes nothing; its
 * solution is any short string whose SHA-256, after the challenge and a colon, starts with that many zero bits. A
 * solved challenge is spent in the report's own transaction and kept until it expires, on every replica alike: it is
 * taken once.
 */
@ApplicationScoped
public class ReportChallenges {

    private static final String PURPOSE = "public-report.challenge";
    private static final int ID_BYTES = 16;
    private static final int BODY_BYTES = ID_BYTES + Long.BYTES + 1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** A challenge as handed out. */
    public record Challenge(String challenge, int bits, Instant expiresAt) {
    }

    private final EntityManager em;
    private final ServerKeys keys;
    private final Clock clock;
    private final ReportsConfig config;

    public ReportChallenges(EntityManager em, ServerKeys keys, Clock clock, ReportsConfig config) {
        this.em = em;
        this.keys = keys;
        this.clock = clock;
        this.config = config;
    }

    /** A new challenge, at the configured difficulty. */
    public Challenge issue() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        Instant expires = clock.instant().plus(config.challengeTtl()).truncatedTo(ChronoUnit.SECONDS);
        int bits = config.workBits();
        byte[] body = ByteBuffer.allocate(BODY_BYTES).put(id).putLong(expires.getEpochSecond()).put((byte) bits)
                .array();
        return new Challenge(ENCODE.encodeToString(body) + "." + ENCODE.encodeToString(keys.mac(PURPOSE, body)), bits,
                expires);
    }

    /**
     * Spends {@code challenge}, solved by {@code solution}, in the caller's transaction; a 400 {@code work-refused}
     * for one that this server did not sign, has expired, is easier than the configured difficulty, is not solved,
     * or was spent before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void spend(String challenge, String solution) {
        String[] parts = challenge.split("\\.", -1);
        byte[] body = parts.length == 2 ? decode(parts[0]) : null;
        byte[] mac = parts.length == 2 ? decode(parts[1]) : null;
        if (body == null || mac == null || body.length != BODY_BYTES || !keys.verify(PURPOSE, body, mac)) {
            throw refused("clue.challengeNotOurs");
        }
        ByteBuffer read = ByteBuffer.wrap(body);
        byte[] id = new byte[ID_BYTES];
        read.get(id);
        Instant expires = Instant.ofEpochSecond(read.getLong());
        int bits = read.get();
        if (!expires.isAfter(clock.instant())) {
            throw refused("clue.challengeExpired");
        }
        if (bits < config.workBits()) {
            throw refused("clue.challengeTooEasy");
        }
        if (!solves(challenge, solution, bits)) {
            throw refused("clue.challengeNotSolved");
        }
        int spent = em.createNativeQuery("""
                        insert into spent_report_challenges (id, expires_at) values (:id, :expires)
                        on conflict (id) do nothing""")
                .setParameter("id", UUID.nameUUIDFromBytes(id)).setParameter("expires", expires).executeUpdate();
        if (spent == 0) {
            throw refused("clue.challengeSpent");
        }
    }

    /** The first solution of a challenge, found as a client finds it (the demo district's report is sent so). */
    public static String solve(Challenge challenge) {
        for (long n = 0; ; n++) {
            if (solves(challenge.challenge(), Long.toString(n), challenge.bits())) {
                return Long.toString(n);
            }
        }
    }

    /** Whether SHA-256 of {@code challenge:solution} starts with {@code bits} zero bits. */
    static boolean solves(String challenge, String solution, int bits) {
        byte[] hash = Digests.sha256((challenge + ":" + solution).getBytes(StandardCharsets.UTF_8));
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (hash[i] != 0) {
                return false;
            }
        }
        int rest = bits % 8;
        return rest == 0 || (hash[whole] & 0xff) >>> (8 - rest) == 0;
    }

    /** Forgets spent challenges once they have expired: they can no longer be answered anyway. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from spent_report_challenges where expires_at < :now")
                .setParameter("now", clock.instant()).executeUpdate());
    }

    private static byte[] decode(String text) {
        try {
            return DECODE.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProblemException refused(String reason) {
        return new ProblemException(ErrorCode.WORK_REFUSED, Text.of(reason));
    }
}
