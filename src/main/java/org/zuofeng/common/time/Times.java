package org.zuofeng.common.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Conversions between stored instants and the wire's RFC 3339 times, which carry the Asia/Shanghai offset. */
public final class Times {

    /** The zone of every "today", deadline and calendar year. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static OffsetDateTime toWire(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static Instant fromWire(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
