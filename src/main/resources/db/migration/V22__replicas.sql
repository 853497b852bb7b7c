-- Several replicas on one database: what they share lives here, never in the memory of one of them.

-- Leases in a worker's name (common/jobs/Leases): only the worker that holds a row renews or settles it, and
-- another takes it over only once the lease has lapsed.
alter table webhook_deliveries add column lease_owner varchar(160);
alter table export_jobs add column lease_owner varchar(160);

-- A webhook message shows records as its subscription's owner may read them, personal data included: its body is
-- kept sealed under ZUOFENG_SECRET, never in the clear. Bodies already sent are dropped; a message still pending
-- keeps its clear body until it is sent.
alter table webhook_deliveries add column sealed_payload bytea;
alter table webhook_deliveries alter column payload drop not null;
update webhook_deliveries set payload = null where status <> 'PENDING';
alter table webhook_deliveries add column finished_at timestamptz;
update webhook_deliveries set finished_at = coalesce(delivered_at, created_at) where status <> 'PENDING';
create index ix_webhook_deliveries_finished on webhook_deliveries (finished_at) where status <> 'PENDING';

-- A subscription acts with its owner's rights as of its last renewal (any change the owner makes); unrenewed for
-- ZUOFENG_WEBHOOKS_GRANT_DAYS, it lapses.
alter table webhook_subscriptions add column granted_at timestamptz;
update webhook_subscriptions set granted_at = updated_at;
alter table webhook_subscriptions alter column granted_at set not null;
alter table webhook_subscriptions drop constraint ck_webhook_subscriptions_status;
alter table webhook_subscriptions add constraint ck_webhook_subscriptions_status
    check (status in ('ACTIVE', 'DISABLED', 'LAPSED'));

-- An append to a resumable upload holds its fence: a conditional update here, on the offset the server has, decides
-- which request may write the upload's file; a crashed one releases it when the fence lapses.
alter table uploads add column fenced_by varchar(160);
alter table uploads add column fenced_until timestamptz;

-- Devices not seen for long are forgotten, with what they held; an account holds a bounded number of them.
alter table sync_mutations drop constraint sync_mutations_client_id_fkey;
alter table sync_mutations add constraint sync_mutations_client_id_fkey
    foreign key (client_id) references sync_clients (client_id) on delete cascade;
alter table sync_held drop constraint sync_held_client_id_fkey;
alter table sync_held add constraint sync_held_client_id_fkey
    foreign key (client_id) references sync_clients (client_id) on delete cascade;
create index ix_sync_clients_seen on sync_clients (seen_at);
create index ix_sync_clients_subject on sync_clients (subject, seen_at);

-- Waits on the change log and the event feed are woken, not polled: every transaction that writes to either tells
-- the listening replicas once, when it commits (PostgreSQL folds repeated notifications of one transaction).
create function notify_log_written() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('zuofeng_log', '');
    return null;
end;
$$;

create trigger change_log_notify after insert on change_log
    for each statement execute function notify_log_written();
create trigger event_log_notify after insert on event_log
    for each statement execute function notify_log_written();
