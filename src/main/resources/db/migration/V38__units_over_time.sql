-- Units as they were. Every state of a unit (code, name, type, parent, path, status) is kept as a version valid
-- from one instant to the next; a record shows its unit's name at the record's own time, and a period's statistics
-- count over the tree as it stood at the period's end. Mergers and splits are kept as successions.

create table unit_versions (
    id          bigint generated always as identity primary key,
    unit_id     uuid         not null references units (id),
    -- Null: since before anything was recorded (the unit's first version).
    valid_from  timestamptz,
    -- Exclusive; null: the unit is so now.
    valid_until timestamptz,
    code        varchar(64)  not null,
    name        varchar(200) not null,
    type        varchar(32)  not null,
    parent_id   uuid,
    path        uuid[]       not null,
    status      varchar(16)  not null,
    constraint ck_unit_versions_order check (valid_from is null or valid_until is null or valid_from < valid_until)
);
create unique index uq_unit_versions_current on unit_versions (unit_id) where valid_until is null;
create unique index uq_unit_versions_from on unit_versions (unit_id, coalesce(valid_from, '-infinity'::timestamptz));
create index ix_unit_versions_unit on unit_versions (unit_id, valid_from, valid_until) include (name);
create index ix_unit_versions_path on unit_versions using gin (path);

insert into unit_versions (unit_id, valid_from, valid_until, code, name, type, parent_id, path, status)
select id, null, null, code, name, type, parent_id, path, status from units;

-- A change of a unit closes its current version and opens one from the instant the transaction names in
-- zuofeng.unit_changed_at (a reorganisation's effective day), or else from the transaction's start. Several changes at
-- one instant make one version. A dated change before the unit's latest version is refused: history is appended to,
-- never rewritten. An undated one that finds a later version (a transaction begun earlier that waited for this row)
-- takes effect now instead.
create function unit_version_kept() returns trigger language plpgsql as $$
declare
    dated      timestamptz := nullif(current_setting('zuofeng.unit_changed_at', true), '')::timestamptz;
    changed_at timestamptz := coalesce(dated, now());
    latest     unit_versions;
begin
    if tg_op = 'INSERT' then
        insert into unit_versions (unit_id, valid_from, valid_until, code, name, type, parent_id, path, status)
        values (new.id, null, null, new.code, new.name, new.type, new.parent_id, new.path, new.status);
        return null;
    end if;
    if (new.code, new.name, new.type, new.parent_id, new.path, new.status)
            is not distinct from (old.code, old.name, old.type, old.parent_id, old.path, old.status) then
        return null;
    end if;
    select * into latest from unit_versions where unit_id = new.id and valid_until is null for update;
    if latest.valid_from is not null and latest.valid_from > changed_at then
        if dated is not null then
            -- Worded as PostgreSQL words a check constraint's violation, whose name the service reads.
            raise exception 'unit % already changed at %, after %: %', new.id, latest.valid_from, changed_at,
                'violates check constraint "ck_unit_versions_in_order"'
                using errcode = 'check_violation', constraint = 'ck_unit_versions_in_order';
        end if;
        changed_at := greatest(clock_timestamp(), latest.valid_from + interval '1 microsecond');
    end if;
    if latest.valid_from is not distinct from changed_at then
        update unit_versions set code = new.code, name = new.name, type = new.type, parent_id = new.parent_id,
                                 path = new.path, status = new.status
        where id = latest.id;
    else
        update unit_versions set valid_until = changed_at where id = latest.id;
        insert into unit_versions (unit_id, valid_from, valid_until, code, name, type, parent_id, path, status)
        values (new.id, changed_at, null, new.code, new.name, new.type, new.parent_id, new.path, new.status);
    end if;
    return null;
end $$;

create trigger units_keep_versions after insert or update on units
    for each row execute function unit_version_kept();

-- Two or more units merged into one (MERGER), or one unit split into several (SPLIT), on a day.
create table unit_successions (
    predecessor_id uuid        not null references units (id),
    successor_id   uuid        not null references units (id),
    kind           varchar(16) not null,
    effective_at   timestamptz not null,
    recorded_at    timestamptz not null,
    recorded_by    varchar(200) not null,
    primary key (predecessor_id, successor_id),
    constraint ck_unit_successions_kind check (kind in ('MERGER', 'SPLIT')),
    constraint ck_unit_successions_not_self check (predecessor_id <> successor_id)
);
create index ix_unit_successions_successor on unit_successions (successor_id);

create trigger unit_successions_append_only before update or delete on unit_successions
    for each row execute function refuse_change_of_history();
