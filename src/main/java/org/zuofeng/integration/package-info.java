/**
 * Integration with other government systems: the event feed. Events are written by the audit trail's outbox
 * ({@code common/events}) in the transaction of each change; the feed serves their stable past in commit order, to
 * each reader only the events of records it may read, each showing the record as the reader's own GET would.
 */
package org.zuofeng.integration;
