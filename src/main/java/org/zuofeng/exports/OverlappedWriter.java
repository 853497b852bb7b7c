package org.zuofeng.exports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes an export's rows on a thread of its own while the next ones are read, so that the database and the writing
 * (JSON and the file) overlap instead of taking turns. At most {@value #DEPTH} chunks wait between the two, so memory
 * stays bounded whatever the export's length. A failure of the writing stops the reading at its next chunk; a failure
 * of the reading stops the writing ({@link #close}).
 */
final class OverlappedWriter implements AutoCloseable {

    private static final int DEPTH = 4;
    private static final List<Object> END = List.of(new Object());
    private static final long HAND_OVER_MILLIS = 100;

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private volatile Throwable failure;

    OverlappedWriter(ExportWriter writer, String name) {
        this.thread = Thread.ofPlatform().name(name).daemon().start(() -> drain(writer));
    }

    /** Hands a chunk over to be written; waits while {@value #DEPTH} chunks already wait. */
    void write(List<?> chunk) {
        try {
            while (!queue.offer(chunk, HAND_OVER_MILLIS, TimeUnit.MILLISECONDS)) {
                throwIfFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("the export was interrupted"));
        }
        throwIfFailed();
    }

    /** Waits until every chunk handed over is written; throws what made the writing fail. */
    void finish() throws IOException {
        write(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the export was interrupted");
        }
        try {
            throwIfFailed();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Stops the writing if it still runs (the reading failed), and waits for it to end. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain(ExportWriter writer) {
        try {
            for (List<?> chunk = queue.take(); chunk != END; chunk = queue.take()) {
                for (Object item : chunk) {
                    writer.row(item);
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void throwIfFailed() {
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed != null) {
            throw new IllegalStateException("the export's writing failed", failed);
        }
    }
}
