package org.zuofeng.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys the service derives from its one master secret ({@code ZUOFENG_SECRET}, the same on every replica): one
 * key per purpose (HMAC-SHA256 of the purpose's name under the secret), so that what signs cursors can never open
 * stored answers. The secret lives only in the environment, never in the database the keys protect.
 */
@ApplicationScoped
public class ServerKeys {

    /** The shortest master secret taken: 32 characters (256 bits of a random hex or base64 string, or more). */
    public static final int MIN_SECRET = 32;
    private static final String HMAC = "HmacSHA256";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @Inject
    public ServerKeys(SecretConfig config) {
        this(config.secret());
    }

    /** Keys derived from {@code secret}, of at least {@value #MIN_SECRET} characters. */
    public ServerKeys(String secret) {
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalStateException("ZUOFENG_SECRET must hold at least " + MIN_SECRET + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The HMAC-SHA256 of {@code data} under the key for {@code purpose}. */
    public byte[] mac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key(purpose), HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code tag} is the MAC of {@code data} for {@code purpose}, compared in constant time. */
    public boolean verify(String purpose, byte[] data, byte[] tag) {
        return MessageDigest.isEqual(mac(purpose, data), tag);
    }

    /**
     * Encrypts and authenticates {@code plain} (AES-256-GCM, a fresh nonce each time) under the key for
     * {@code purpose}, bound to {@code context}: it opens only with the same context.
     */
    public byte[] seal(String purpose, byte[] plain, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, purpose, nonce, plain, 0, plain.length, context);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    /** Opens what {@link #seal} made for the same purpose and context; fails on anything else. */
    public byte[] open(String purpose, byte[] sealed, byte[] context) {
        if (sealed.length < NONCE_BYTES) {
            throw new IllegalArgumentException("not a sealed value");
        }
        return crypt(Cipher.DECRYPT_MODE, purpose, Arrays.copyOf(sealed, NONCE_BYTES), sealed, NONCE_BYTES,
                sealed.length - NONCE_BYTES, context);
    }

    private byte[] crypt(int mode, String purpose, byte[] nonce, byte[] input, int offset, int length,
            byte[] context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key("aes:" + purpose), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value was not made here, or was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key(String purpose) {
        return keys.computeIfAbsent(purpose, p -> {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(secret, HMAC));
                return mac.doFinal(("zuofeng key: " + p).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
