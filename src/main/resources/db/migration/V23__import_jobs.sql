-- Large imports run in the background: the body is kept on the shared volume until the job is done, and the report
-- of each row is kept here, paged to the requester. A job is claimed per row with a lease (common/jobs/Leases).
create table import_jobs (
    id                uuid primary key,
    requester_subject varchar(255)  not null,
    requester_roles   varchar(32)[] not null,
    entity            varchar(16)   not null,
    system            varchar(32)   not null,
    format            varchar(8)    not null,
    dry_run           boolean       not null,
    status            varchar(16)   not null,
    body_size         bigint        not null,
    row_count         bigint        not null default 0,
    rows_done         bigint        not null default 0,
    created           bigint        not null default 0,
    updated           bigint        not null default 0,
    unchanged         bigint        not null default 0,
    rejected          bigint        not null default 0,
    error             varchar(1000),
    lease_owner       varchar(160),
    leased_until      timestamptz,
    created_at        timestamptz   not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    constraint ck_import_jobs_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint ck_import_jobs_format check (format in ('CSV', 'NDJSON')),
    constraint ck_import_jobs_entity check (entity in ('UNIT', 'OFFICIAL', 'POST'))
);

create index ix_import_jobs_queue on import_jobs (created_at) where status in ('QUEUED', 'RUNNING');
create index ix_import_jobs_requester on import_jobs (requester_subject, created_at);

create table import_rows (
    import_id uuid        not null references import_jobs (id) on delete cascade,
    row       integer     not null,
    status    varchar(16) not null,
    entity_id uuid,
    problem   jsonb,
    primary key (import_id, row),
    constraint ck_import_rows_status check (status in ('CREATED', 'UPDATED', 'UNCHANGED', 'REJECTED'))
);
