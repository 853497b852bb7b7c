package org.zuofeng.common.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.zuofeng.common.crypto.Digests;

/**
 * A stable digest of a write model (canonical JSON: sorted members, ISO times), kept with records that clients
 * create offline under their own ids: a repeated create is "the same" exactly when its digest is.
 */
public final class ContentHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ContentHash() {
    }

    public static String of(Object write) {
        try {
            return Digests.sha256Hex(CANONICAL.writeValueAsBytes(write));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest a write model", e);
        }
    }
}
