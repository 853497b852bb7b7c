/**
 * The event log behind the event feed: the audit trail's {@link EventOutbox} turns each audit event of a published
 * kind into an event in the same transaction, and {@link EventLog} serves their stable past in change-log order. The
 * feed ({@code events/}) and webhooks ({@code webhooks/}) read it. Each kind plugs in as a {@link PublishedKind}:
 * the synced kinds of {@code common/changelog} through {@link org.zuofeng.common.changelog.ListedKind}, and
 * {@code NoticeEvents}, {@code CaseEvents}, {@code AssessmentEvents} through {@link ListedEvents}.
 */
package org.zuofeng.common.eventlog;
