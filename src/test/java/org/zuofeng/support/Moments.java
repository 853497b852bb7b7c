package org.zuofeng.support;

import org.zuofeng.common.time.Times;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Date-times as a client sends them. {@link OffsetDateTime#toString()} drops the seconds when they are zero
 * ({@code 03:40+08:00}), which RFC 3339 and so the contract refuse; tests therefore never send {@code toString()}.
 */
public final class Moments {

    private Moments() {
    }

    /** Now in Asia/Shanghai, to the second. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(Times.ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The RFC 3339 text of a time, seconds always included. */
    public static String rfc3339(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
