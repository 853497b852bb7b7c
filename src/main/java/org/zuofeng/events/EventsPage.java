package org.zuofeng.events;

import java.util.List;

/** A page of the event feed: the events, the cursor to read on from, and whether more are there already. */
public record EventsPage(List<CloudEvent> events, String next, boolean hasMore) {
}
