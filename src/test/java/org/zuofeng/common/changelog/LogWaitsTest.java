package org.zuofeng.common.changelog;

import org.junit.jupiter.api.Test;

import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long polls that began together end apart: a wait that finds nothing ends within the last fifth of the time asked,
 * each at its own moment, so that a thousand clients polling again at once do not stay in step.
 */
class LogWaitsTest {

    @Test
    void waitsThatFindNothingEndSpreadOverTheLastFifthOfTheTimeAsked() {
        long asked = TimeUnit.SECONDS.toNanos(25);
        SplittableRandom random = new SplittableRandom(7);
        LongSummaryStatistics ends = IntStream.range(0, 1000)
                .mapToLong(i -> LogWaits.waitNanos(25, random)).summaryStatistics();
        assertTrue(ends.getMax() <= asked, "never longer than asked");
        assertTrue(ends.getMin() >= asked * 4 / 5, "never shorter than four fifths of it");
        assertTrue(ends.getMax() - ends.getMin() > TimeUnit.SECONDS.toNanos(4), "spread over the last five seconds");
    }
}
