package org.zuofeng.common.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Cursors that a reader carries between pages of a stream (the sync pull, the event feed): a small JSON payload and
 * its HMAC, for one purpose and bound to who may use it (their subject, their app installation), so that a cursor is
 * neither forged nor used by anyone else. Opaque to clients: base64url without padding.
 */
public final class SignedCursors {

    private static final int TAG_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignedCursors() {
    }

    public static String encode(ServerKeys keys, String purpose, Object payload, String binding) {
        try {
            byte[] body = JSON.writeValueAsBytes(payload);
            byte[] tag = keys.mac(purpose, signed(body, binding));
            byte[] cursor = Arrays.copyOf(body, body.length + TAG_BYTES);
            System.arraycopy(tag, 0, cursor, body.length, TAG_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot encode a cursor", e);
        }
    }

    /** The payload, if {@code cursor} was made by this server for this purpose and binding; empty otherwise. */
    public static <T> Optional<T> decode(ServerKeys keys, String purpose, String cursor, String binding,
            Class<T> type) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length <= TAG_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, bytes.length - TAG_BYTES, bytes.length);
        if (!keys.verify(purpose, signed(body, binding), tag)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(body, type));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static byte[] signed(byte[] body, String binding) {
        byte[] prefix = (binding + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return signed;
    }
}
