/**
 * Integration with other government systems: the event feed, and webhooks that push it. Events are written by the
 * audit trail's outbox ({@code common/events}) in the transaction of each change; the feed serves their stable past
 * in commit order, to each reader only the events of records it may read, each showing the record as the reader's
 * own GET would. A webhook subscription reads the feed as its owner; its messages are queued once and sent by
 * whichever replica claims them. An export reads a list endpoint as its requester, page by page, into a file; an
 * import applies rows through the ordinary services, in batches, a refused row leaving nothing behind.
 */
package org.zuofeng.integration;
