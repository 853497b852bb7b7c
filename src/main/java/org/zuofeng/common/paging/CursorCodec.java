package org.zuofeng.common.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.zuofeng.common.problem.ErrorCode;
import org.zuofeng.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The opaque, URL-safe cursor: the sort keys of the last row of a page and a digest of the filters and sort it was
 * made with. A cursor presented with other filters or another sort is rejected (400 {@code INVALID_CURSOR}).
 */
final class CursorCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CursorCodec() {
    }

    static String encode(String binding, List<Object> keys) {
        List<String> values = keys.stream().map(CursorCodec::write).toList();
        try {
            byte[] json = JSON.writeValueAsBytes(Map.of("b", digest(binding), "k", values));
            return ENCODER.encodeToString(json);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot encode a cursor", e);
        }
    }

    static List<Object> decode(String cursor, String binding, List<? extends Sorting.Order<?>> orders) {
        Map<String, Object> content;
        try {
            content = JSON.readValue(DECODER.decode(cursor), new TypeReference<>() { });
        } catch (Exception e) {
            throw invalid("the cursor is malformed");
        }
        if (!digest(binding).equals(content.get("b"))) {
            throw invalid("the cursor was made for other filters or another sort; start again without it");
        }
        if (!(content.get("k") instanceof List<?> values) || values.size() != orders.size()) {
            throw invalid("the cursor is malformed");
        }
        List<Object> keys = new ArrayList<>();
        try {
            for (int i = 0; i < values.size(); i++) {
                keys.add(read(String.valueOf(values.get(i)), orders.get(i).field().type()));
            }
        } catch (RuntimeException e) {
            throw invalid("the cursor is malformed");
        }
        return keys;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ErrorCode.INVALID_CURSOR, detail);
    }

    private static String write(Object value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(String value, Class<?> type) {
        if (type == String.class) {
            return value;
        } else if (type == UUID.class) {
            return UUID.fromString(value);
        } else if (type == Instant.class) {
            return Instant.parse(value);
        } else if (type == LocalDate.class) {
            return LocalDate.parse(value);
        } else if (type == Long.class) {
            return Long.valueOf(value);
        } else if (type == Integer.class) {
            return Integer.valueOf(value);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value);
        }
        throw new IllegalArgumentException("Unsupported sort key type " + type);
    }

    private static String digest(String binding) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
