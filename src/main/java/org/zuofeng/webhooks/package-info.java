/**
 * The event feed pushed as Standard Webhooks. A subscription reads the feed ({@code events/}) as its owner; its
 * messages are queued once and sent by whichever replica claims them, signed, retried with backoff, and logged.
 */
package org.zuofeng.webhooks;
