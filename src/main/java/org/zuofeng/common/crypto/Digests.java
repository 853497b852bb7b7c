package org.zuofeng.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest the service uses for content, tags and documents (every JDK has it). */
public final class Digests {

    private Digests() {
    }

    /** A fresh SHA-256 digest, to feed a stream through. */
    public static MessageDigest sha256() {
        return of("SHA-256");
    }

    /** A fresh digest of a standard algorithm name the JDK has (e.g. {@code SHA-1} for a tus checksum). */
    public static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The SHA-256 of the text's UTF-8 bytes, in hex. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
