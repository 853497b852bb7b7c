package org.zuofeng.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/** Bean Validation's {@code @Past}, {@code @PastOrPresent} and friends judge "now" by the application's clock. */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    private final Clock clock;

    public ValidationClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
