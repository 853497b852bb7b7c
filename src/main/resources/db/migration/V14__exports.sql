-- Bulk exports: a job per request, run in the background as the one who asked (their roles, their scope, their
-- masking), its file kept for a day.
create table export_jobs (
    id                uuid primary key,
    requester_subject varchar(255)  not null,
    requester_roles   varchar(32)[] not null,
    entity            varchar(16)   not null,
    format            varchar(8)    not null,
    filters           jsonb         not null,
    status            varchar(16)   not null,
    row_count         bigint        not null default 0,
    error             varchar(1000),
    leased_until      timestamptz,
    created_at        timestamptz   not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    expires_at        timestamptz,
    constraint ck_export_jobs_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED'))
);

create index ix_export_jobs_queued on export_jobs (created_at) where status in ('QUEUED', 'RUNNING');
create index ix_export_jobs_requester on export_jobs (requester_subject, created_at);
create index ix_export_jobs_expiry on export_jobs (expires_at) where status = 'DONE';
