package org.zuofeng.common.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.zuofeng.common.crypto.ServerKeys;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;
import org.zuofeng.common.web.WireFormats;
import org.zuofeng.common.problem.Text;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The opaque, URL-safe cursor: the sort keys of the last row of a page and what the cursor is bound to (the caller,
 * the list, its filters and its sort), signed with a server key (base64url of the JSON payload and its HMAC). A cursor that was not made
 * here, was altered, or is presented by another caller, with other filters or another sort, is rejected (400
 * {@code INVALID_CURSOR}); the keys of a genuine one are read back by the same wire rules as query parameters.
 */
final class CursorCodec {

    private static final String PURPOSE = "cursor";
    private static final int TAG_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ServerKeys keys;

    CursorCodec(ServerKeys keys) {
        this.keys = keys;
    }

    String encode(String binding, List<Object> sortKeys) {
        List<String> values = sortKeys.stream().map(CursorCodec::write).toList();
        try {
            byte[] payload = JSON.writeValueAsBytes(Map.of("k", values));
            byte[] tag = keys.mac(PURPOSE, signed(payload, binding));
            byte[] cursor = Arrays.copyOf(payload, payload.length + tag.length);
            System.arraycopy(tag, 0, cursor, payload.length, tag.length);
            return ENCODER.encodeToString(cursor);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot encode a cursor", e);
        }
    }

    List<Object> decode(String cursor, String binding, List<? extends Sorting.Order<?>> orders) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid(Text.of("cursor.malformed"));
        }
        if (bytes.length <= TAG_BYTES) {
            throw invalid(Text.of("cursor.malformed"));
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, bytes.length - TAG_BYTES, bytes.length);
        if (!keys.verify(PURPOSE, signed(payload, binding), tag)) {
            throw invalid(Text.of("cursor.notForThis"));
        }
        List<Object> sortKeys = new ArrayList<>();
        try {
            Map<String, Object> content = JSON.readValue(payload, new TypeReference<>() { });
            if (!(content.get("k") instanceof List<?> values) || values.size() != orders.size()) {
                throw invalid(Text.of("cursor.malformed"));
            }
            for (int i = 0; i < values.size(); i++) {
                sortKeys.add(read(String.valueOf(values.get(i)), orders.get(i).field().type()));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw invalid(Text.of("cursor.malformed"));
        }
        return sortKeys;
    }

    private static byte[] signed(byte[] payload, String binding) {
        byte[] prefix = (binding + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + payload.length);
        System.arraycopy(payload, 0, signed, prefix.length, payload.length);
        return signed;
    }

    private static ProblemException invalid(Text detail) {
        return new ProblemException(ErrorCode.INVALID_CURSOR, detail);
    }

    private static String write(Object value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    /** A sort key as the wire rules read a query parameter of its type: a bad one is never sent to the database. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object read(String value, Class<?> type) {
        if (type == String.class) {
            return WireFormats.text(value);
        } else if (type == UUID.class) {
            if (value.length() != 36) {
                throw new IllegalArgumentException(value);
            }
            return UUID.fromString(value);
        } else if (type == Instant.class) {
            return WireFormats.dateTime(value).toInstant();
        } else if (type == LocalDate.class) {
            return WireFormats.date(value);
        } else if (type == Long.class) {
            return Long.valueOf(value);
        } else if (type == Integer.class) {
            return Integer.valueOf(value);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value);
        }
        throw new IllegalArgumentException("Unsupported sort key type " + type);
    }
}
