package org.zuofeng.sync;

import java.util.List;

/**
 * A page of what a device pulls: the changes, the cursor to continue from (always given: a device keeps the last
 * one), whether more is waiting already, and the last mutation the server applied for the device's client.
 */
public record ChangesPage(List<SyncChange> changes, String next, boolean hasMore, long lastMutationId) {
}
