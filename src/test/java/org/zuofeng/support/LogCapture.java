package org.zuofeng.support;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the service logs while a test's requests run: every record that reaches the root logger between
 * {@link #start()} and {@link #close()}, kept for the assertions after it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Each record as its logger's name, its message and its parameters. */
    public List<String> lines() {
        return records.stream().map(LogCapture::line).toList();
    }

    /** The records at {@code SEVERE} (Quarkus' {@code ERROR}) and above, as {@link #lines()} gives them. */
    public List<String> errors() {
        return records.stream().filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogCapture::line).toList();
    }

    private static String line(LogRecord record) {
        // Arrays.asList, not List.of: a parameter may be null.
        return record.getLoggerName() + " " + record.getMessage() + " "
                + Arrays.asList(record.getParameters() == null ? new Object[0] : record.getParameters());
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
