package org.zuofeng.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/** Waits, a bounded while, for something that recovers by itself. */
public final class Eventually {

    private Eventually() {
    }

    /** Asks for a status every 250 ms until it is {@code expected} or {@code within} has passed; the last one. */
    public static int status(int expected, Duration within, IntSupplier status) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        int last = status.getAsInt();
        while (last != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            last = status.getAsInt();
        }
        return last;
    }
}
