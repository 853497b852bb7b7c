package org.zuofeng.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The one clock for every "now" and "today": Asia/Shanghai, microsecond ticks (what PostgreSQL stores). */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.system(Times.ZONE), Duration.ofNanos(1_000));
    }
}
