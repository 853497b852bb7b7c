package org.zuofeng.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export's rows are written on a thread of their own while the next are read, in order, and failures stop both. */
class OverlappedWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExportWriter ndjson(OutputStream out) {
        return new ExportWriter(ExportFormat.NDJSON, List.of("n"), JSON, out);
    }

    @Test
    void everyRowIsWrittenInTheOrderItWasRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OverlappedWriter writer = new OverlappedWriter(ndjson(out), "test-export")) {
            for (int chunk = 0; chunk < 50; chunk++) {
                int first = chunk * 10;
                writer.write(IntStream.range(first, first + 10).mapToObj(n -> Map.of("n", n)).toList());
            }
            writer.finish();
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(IntStream.range(0, 500).mapToObj(n -> "{\"n\":" + n + "}").toList(), lines);
    }

    @Test
    void aFailureOfTheWritingStopsTheReading() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (OverlappedWriter writer = new OverlappedWriter(ndjson(broken), "test-export")) {
                UncheckedIOException stopped = assertThrows(UncheckedIOException.class, () -> {
                    for (int chunk = 0; chunk < 1_000; chunk++) {
                        writer.write(List.of(Map.of("n", chunk)));
                    }
                    writer.finish();
                });
                assertEquals("disk full", stopped.getCause().getMessage());
            }
        });
    }

    @Test
    void aFailureOfTheReadingStopsTheWritingAndAtMostAFewChunksWait() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writing.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("stopped");
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                write(0);
            }
        };
        OverlappedWriter writer = new OverlappedWriter(ndjson(stuck), "test-export");
        AtomicInteger handedOver = new AtomicInteger();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                for (int chunk = 0; chunk < 100; chunk++) {
                    writer.write(List.of(Map.of("n", chunk)));
                    handedOver.incrementAndGet();
                }
            } catch (UncheckedIOException interrupted) {
                // the reading was stopped, as a failing read stops it
            }
        });
        assertTrue(writing.await(10, TimeUnit.SECONDS), "the first row is being written");
        reader.join(300);
        assertTrue(reader.isAlive(), "the reading waits while the writing is behind");
        assertTrue(handedOver.get() <= 5, "one chunk being written and four waiting, no more: " + handedOver.get());
        reader.interrupt();
        reader.join(10_000);
        assertFalse(reader.isAlive(), "the reading stopped");
        assertTimeoutPreemptively(Duration.ofSeconds(10), writer::close, "the writing stops with it");
    }
}
