-- The change log: one row per record per transaction that changed it (or changed who may see it), written by
-- triggers, so that no code path that writes can forget it. Readers serve only the stable past: rows whose
-- transaction id is below the oldest transaction still running (pg_snapshot_xmin), so that a transaction that
-- commits after a later one is never skipped. Read by the sync pull and meant for the integration feed too.
create table change_log (
    position   bigint generated always as identity primary key,
    xid        bigint      not null default (pg_current_xact_id()::text::bigint),
    entity     varchar(16) not null,
    entity_id  uuid        not null,
    changed_at timestamptz not null default now(),
    constraint ck_change_log_entity check (entity in ('UNIT', 'OFFICIAL', 'INSPECTION', 'FINDING', 'EVIDENCE'))
);

create unique index uq_change_log_once_per_transaction on change_log (xid, entity, entity_id);
create index ix_change_log_order on change_log (xid, position);
create index ix_change_log_changed on change_log (changed_at);

-- How far the log has been purged (changes past their retention): a reader positioned before this has missed some.
create table change_log_purged (
    only_row boolean primary key default true,
    xid      bigint  not null,
    position bigint  not null,
    constraint ck_change_log_purged_one_row check (only_row)
);

insert into change_log_purged (xid, position) values (0, 0);

create function log_changes(kind varchar, ids uuid[]) returns void
    language sql as
$$
insert into change_log (entity, entity_id)
select kind, id from unnest(ids) as id where id is not null
on conflict (xid, entity, entity_id) do nothing;
$$;

-- An inspection's change (its status, type, team or targets) changes who sees its findings and evidence too.
create function log_inspections(ids uuid[]) returns void
    language plpgsql as
$$
begin
    perform log_changes('INSPECTION', ids);
    perform log_changes('FINDING', array(select f.id from findings f where f.inspection_id = any (ids)));
    perform log_changes('EVIDENCE', array(select e.id from evidence e where e.inspection_id = any (ids)
        or e.finding_id in (select f.id from findings f where f.inspection_id = any (ids))));
end;
$$;

create function log_inspection_rows() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        perform log_inspections(array(select distinct inspection_id from old_rows));
    elsif tg_table_name = 'inspections' then
        perform log_inspections(array(select id from new_rows));
    else
        perform log_inspections(array(select distinct inspection_id from new_rows));
    end if;
    return null;
end;
$$;

create trigger inspections_log_insert after insert on inspections
    referencing new table as new_rows for each statement execute function log_inspection_rows();
create trigger inspections_log_update after update on inspections
    referencing new table as new_rows for each statement execute function log_inspection_rows();
create trigger inspection_team_log_insert after insert on inspection_team
    referencing new table as new_rows for each statement execute function log_inspection_rows();
create trigger inspection_team_log_update after update on inspection_team
    referencing new table as new_rows for each statement execute function log_inspection_rows();
create trigger inspection_team_log_delete after delete on inspection_team
    referencing old table as old_rows for each statement execute function log_inspection_rows();
create trigger inspection_targets_log_insert after insert on inspection_targets
    referencing new table as new_rows for each statement execute function log_inspection_rows();
create trigger inspection_targets_log_delete after delete on inspection_targets
    referencing old table as old_rows for each statement execute function log_inspection_rows();

-- A finding's change changes who sees its evidence.
create function log_finding_rows() returns trigger
    language plpgsql as
$$
begin
    perform log_changes('FINDING', array(select id from new_rows));
    perform log_changes('EVIDENCE', array(select e.id from evidence e where e.finding_id in (select id from new_rows)));
    return null;
end;
$$;

create trigger findings_log_insert after insert on findings
    referencing new table as new_rows for each statement execute function log_finding_rows();
create trigger findings_log_update after update on findings
    referencing new table as new_rows for each statement execute function log_finding_rows();

create function log_evidence_rows() returns trigger
    language plpgsql as
$$
begin
    perform log_changes('EVIDENCE', array(select id from new_rows));
    return null;
end;
$$;

create trigger evidence_log_insert after insert on evidence
    referencing new table as new_rows for each statement execute function log_evidence_rows();
create trigger evidence_log_update after update on evidence
    referencing new table as new_rows for each statement execute function log_evidence_rows();

create function log_unit_rows() returns trigger
    language plpgsql as
$$
begin
    perform log_changes('UNIT', array(select id from new_rows));
    return null;
end;
$$;

create trigger units_log_insert after insert on units
    referencing new table as new_rows for each statement execute function log_unit_rows();
create trigger units_log_update after update on units
    referencing new table as new_rows for each statement execute function log_unit_rows();

-- An official's view shows their posts of today, so a post's change is a change of its official.
create function log_official_rows() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'officials' then
        perform log_changes('OFFICIAL', array(select id from new_rows));
    elsif tg_op = 'DELETE' then
        perform log_changes('OFFICIAL', array(select distinct official_id from old_rows));
    else
        perform log_changes('OFFICIAL', array(select distinct official_id from new_rows));
    end if;
    return null;
end;
$$;

create trigger officials_log_insert after insert on officials
    referencing new table as new_rows for each statement execute function log_official_rows();
create trigger officials_log_update after update on officials
    referencing new table as new_rows for each statement execute function log_official_rows();
create trigger posts_log_insert after insert on posts
    referencing new table as new_rows for each statement execute function log_official_rows();
create trigger posts_log_update after update on posts
    referencing new table as new_rows for each statement execute function log_official_rows();
create trigger posts_log_delete after delete on posts
    referencing old table as old_rows for each statement execute function log_official_rows();

-- Every record that exists now is in the log once, so that a reader starting from the beginning misses nothing.
select log_changes('UNIT', array(select id from units));
select log_changes('OFFICIAL', array(select id from officials));
select log_changes('INSPECTION', array(select id from inspections));
select log_changes('FINDING', array(select id from findings));
select log_changes('EVIDENCE', array(select id from evidence));

-- Sync clients: an app installation's id, bound to the subject that first used it; the last mutation it had
-- applied (moved in the same transaction as the mutation's data); the generation of its current snapshot and the
-- fingerprint of the scope it was taken under.
create table sync_clients (
    client_id        uuid primary key,
    subject          varchar(255) not null,
    last_mutation_id bigint       not null default 0,
    generation       integer      not null default 0,
    scope            varchar(64),
    created_at       timestamptz  not null,
    seen_at          timestamptz  not null
);

-- The result of each mutation a client pushed, to answer a repeat with it (sealed: it may quote personal data).
create table sync_mutations (
    client_id   uuid        not null references sync_clients (client_id),
    mutation_id bigint      not null,
    status      varchar(16) not null,
    entity_id   uuid,
    version     bigint,
    result      bytea       not null,
    applied_at  timestamptz not null,
    primary key (client_id, mutation_id),
    constraint ck_sync_mutations_status check (status in ('APPLIED', 'CONFLICT', 'REJECTED'))
);

create index ix_sync_mutations_applied on sync_mutations (applied_at);

-- What each client holds: every record the server sent it and has not told it to remove, by the generation of the
-- snapshot it was last sent under, so that a device is told to drop exactly what leaves its view.
create table sync_held (
    client_id  uuid        not null references sync_clients (client_id),
    entity     varchar(16) not null,
    entity_id  uuid        not null,
    generation integer     not null,
    primary key (client_id, entity, entity_id)
);

create index ix_sync_held_generation on sync_held (client_id, generation);

-- Resumable (tus) uploads of evidence: who may continue one, what it becomes, how far it has come.
create table uploads (
    id          uuid primary key,
    subject     varchar(255) not null,
    owner_kind  varchar(16)  not null,
    owner_id    uuid         not null,
    evidence_id uuid         not null,
    sha256      varchar(64)  not null,
    media_type  varchar(100) not null,
    file_name   varchar(255),
    captured_at timestamptz,
    length      bigint       not null,
    "offset"    bigint       not null default 0,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    completed   boolean      not null default false,
    constraint ck_uploads_offset check ("offset" between 0 and length),
    constraint ck_uploads_sha256 check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint ck_uploads_owner check (owner_kind in ('finding', 'inspection'))
);

create index ix_uploads_expires on uploads (expires_at);
