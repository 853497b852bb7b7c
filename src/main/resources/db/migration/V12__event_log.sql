-- The integration feed: one row per published audit event (every write but reads of sensitive records), in the
-- transaction of the change itself, so an event is never lost nor published for a change that rolled back. Read in
-- the same stable order as the change log: by transaction id, then position, below the oldest transaction still
-- running. The rows only index the audit log, which is kept for good; they are not purged.
create table event_log (
    position    bigint generated always as identity primary key,
    xid         bigint      not null default (pg_current_xact_id()::text::bigint),
    audit_id    uuid        not null references audit_events (id),
    type        varchar(96) not null,
    entity_type varchar(64) not null,
    entity_id   uuid        not null,
    occurred_at timestamptz not null,
    -- A covert inspection still under way holds back the events of its own records; when it completes, they are
    -- published again (same audit id, new positions) and these rows stay unserved.
    held_by     uuid
);

create index ix_event_log_order on event_log (xid, position) where held_by is null;
create index ix_event_log_held on event_log (held_by) where held_by is not null;

-- A rectification notice past its deadline is announced once (org.zuofeng.notice.overdue), by whichever replica's
-- job claims it first.
alter table supervision_notices add column overdue_announced_at timestamptz;

create index ix_notices_overdue_unannounced on supervision_notices (deadline)
    where type = 'RECTIFICATION_NOTICE' and overdue_announced_at is null;
