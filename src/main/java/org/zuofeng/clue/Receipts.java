package org.zuofeng.clue;

import jakarta.enterprise.context.ApplicationScoped;
import org.zuofeng.common.crypto.ServerKeys;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Receipt codes (查询码): sixteen random digits, easy to write down, the only way a reporter comes back to a report.
 * A receipt is kept only as a slow keyed hash, PBKDF2-HMAC-SHA256 with a salt derived from the server's secret: the
 * same receipt always has the same hash, so a report is found by it, and a copy of the database without the secret
 * gives a guesser nothing to work on (with the secret, each guess still costs the configured iterations).
 */
@ApplicationScoped
public class Receipts {

    /** Digits in a receipt: 10^16 of them. */
    public static final int DIGITS = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HASH_BITS = 256;

    private final byte[] salt;
    private final int iterations;

    public Receipts(ServerKeys keys, ReportsConfig config) {
        this.salt = keys.mac("public-report.receipt-salt", new byte[0]);
        this.iterations = config.receiptIterations();
    }

    /** A new receipt: sixteen digits from a cryptographic random source. */
    public String issue() {
        StringBuilder receipt = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            receipt.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return receipt.toString();
    }

    /**
     * The receipt as typed, without the spaces and hyphens people write between groups; empty when what is left is
     * not sixteen digits.
     */
    public static Optional<String> normalized(String typed) {
        if (typed == null || typed.length() > DIGITS * 3) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(digits) : Optional.empty();
    }

    /** The stored hash of a normalized receipt, in hex. */
    public String hash(String receipt) {
        char[] password = receipt.toCharArray();
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BITS)).getEncoded();
            return HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from the JDK", e);
        }
    }
}
