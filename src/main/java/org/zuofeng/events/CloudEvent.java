package org.zuofeng.events;

import java.time.Instant;

/**
 * One event in the structured JSON format of CloudEvents 1.0: {@code id} is the audit event's (the same when an
 * event is delivered again), {@code source} the collection of the record, {@code subject} its id, {@code data} the
 * record as the reader's own {@code GET} shows it now.
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, Object data) {

    public static final String SPEC_VERSION = "1.0";

    static CloudEvent of(String id, String source, String type, String subject, Instant time, Object data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, "application/json", data);
    }
}
