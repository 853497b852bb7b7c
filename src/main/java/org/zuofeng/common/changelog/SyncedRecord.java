package org.zuofeng.common.changelog;

import java.util.UUID;

/** A record as the caller may see it: its id, its version and its view (the body of its ordinary {@code GET}). */
public record SyncedRecord(UUID id, long version, Object data) {
}
