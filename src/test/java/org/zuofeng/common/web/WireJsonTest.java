package org.zuofeng.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers' scalars are written as before, by writers Blackbird reads records' components through accessors for. */
class WireJsonTest {

    record Answer(UUID id, List<UUID> officialIds, LocalDate plannedStart, OffsetDateTime observedAt) {
    }

    @Test
    void theWritersOfUuidsAndDatesAreOnesBlackbirdReadsThroughGeneratedAccessors() throws Exception {
        ObjectMapper mapper = wireMapper();
        for (Class<?> scalar : List.of(UUID.class, LocalDate.class, OffsetDateTime.class)) {
            // What Blackbird asks of a property's serializer before it uses its accessor (SerializerUtil).
            assertTrue(ClassUtil.isJacksonStdImpl(mapper.getSerializerProviderInstance().findValueSerializer(scalar)),
                    scalar.getSimpleName());
        }
    }

    @Test
    void anAnswerReadsAsJacksonsOwnWritersWriteIt() throws Exception {
        Answer answer = new Answer(UUID.fromString("0b101e7c-9143-48b9-bbc8-bdd8bff8d2f0"),
                List.of(UUID.fromString("7BBB6E13-1C2D-4D4E-AD52-FB49F2AC494D")), LocalDate.of(2026, 3, 1),
                OffsetDateTime.parse("2026-03-01T09:30:00.5+08:00"));
        assertEquals("{\"id\":\"0b101e7c-9143-48b9-bbc8-bdd8bff8d2f0\","
                + "\"officialIds\":[\"7bbb6e13-1c2d-4d4e-ad52-fb49f2ac494d\"],\"plannedStart\":\"2026-03-01\","
                + "\"observedAt\":\"2026-03-01T09:30:00.5+08:00\"}", wireMapper().writeValueAsString(answer));
        assertEquals(quarkusMapper().writeValueAsString(answer), wireMapper().writeValueAsString(answer));
    }

    /** The service's mapper: Quarkus' own, then {@link WireJson}. */
    private static ObjectMapper wireMapper() {
        ObjectMapper mapper = quarkusMapper();
        new WireJson().customize(mapper);
        return mapper;
    }

    /** A mapper as Quarkus builds it before its customizers: the Java time module, dates as text. */
    private static ObjectMapper quarkusMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
