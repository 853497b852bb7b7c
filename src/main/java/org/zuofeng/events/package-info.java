/**
 * The event feed other systems follow ({@code GET /api/v1/events}): CloudEvents 1.0 in commit order from a signed
 * cursor, read from the event log ({@code common/eventlog}), to each reader only the events of records it may read,
 * each showing the record as the reader's own GET would.
 */
package org.zuofeng.events;
