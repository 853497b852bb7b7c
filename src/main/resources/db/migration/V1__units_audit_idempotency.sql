-- The foundation: the unit tree, the append-only audit log and stored idempotent answers.

-- Trigram indexes serve the case-insensitive "contains" search (q) of lists; pg_trgm is a trusted extension.
create extension if not exists pg_trgm;

create table units (
    id          uuid primary key,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    type        varchar(32)  not null,
    parent_id   uuid references units (id),
    status      varchar(16)  not null,
    path        uuid[]       not null default '{}',
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(255) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(255) not null,
    constraint uq_units_code unique (code),
    constraint ck_units_code check (length(code) between 1 and 64),
    constraint ck_units_name check (length(btrim(name)) between 1 and 200),
    constraint ck_units_type check (type in ('DISTRICT', 'AGENCY', 'SUBDISTRICT', 'VILLAGE_COMMITTEE',
                                             'RESIDENTS_COMMITTEE')),
    constraint ck_units_status check (status in ('ACTIVE', 'DISSOLVED')),
    constraint ck_units_root check (parent_id is not null or type = 'DISTRICT'),
    constraint ck_units_not_own_parent check (parent_id is distinct from id)
);

-- One index per offered filter and keyset order (the id breaks ties).
create index ix_units_parent on units (parent_id, status);
create index ix_units_path on units using gin (path);
create index ix_units_status_name on units (status, name, id);
create index ix_units_name on units (name, id);
create index ix_units_code on units (code, id);
create index ix_units_created on units (created_at, id);
create index ix_units_updated on units (updated_at, id);
create index ix_units_type on units (type);
create index ix_units_name_trgm on units using gin (lower(name) gin_trgm_ops);
create index ix_units_code_trgm on units using gin (lower(code) gin_trgm_ops);

create table audit_events (
    id           uuid primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(255) not null,
    action       varchar(64)  not null,
    entity_type  varchar(64)  not null,
    entity_id    uuid,
    before_image jsonb,
    after_image  jsonb,
    request_id   varchar(128),
    trace_id     varchar(32)
);

create index ix_audit_occurred on audit_events (occurred_at, id);
create index ix_audit_entity on audit_events (entity_type, entity_id, occurred_at);
create index ix_audit_entity_id on audit_events (entity_id, occurred_at);
create index ix_audit_actor on audit_events (actor, occurred_at);
create index ix_audit_action on audit_events (action, occurred_at);

-- The audit log is append-only for everyone who connects, the application's own user included.
create function audit_events_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_events is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_events_no_update_or_delete
    before update or delete on audit_events
    for each row execute function audit_events_append_only();

create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function audit_events_append_only();

create table idempotency_keys (
    caller       varchar(255)  not null,
    method       varchar(8)    not null,
    path         varchar(2048) not null,
    idem_key     uuid          not null,
    request_hash bytea         not null,
    state        varchar(16)   not null,
    created_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    status       integer,
    content_type varchar(255),
    location     varchar(2048),
    etag         varchar(64),
    body         bytea,
    primary key (caller, method, path, idem_key),
    constraint ck_idempotency_state check (state in ('IN_FLIGHT', 'COMPLETED'))
);

create index ix_idempotency_expires on idempotency_keys (expires_at);
