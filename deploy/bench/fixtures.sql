-- What the workloads need beside the data set: the ids the P1 workloads draw from (the same for the service and
-- for pgbench), and an inspection under way for the sync push.
\set ON_ERROR_STOP on
create table bench_official_ids as
select row_number() over (order by random()) as n, id from officials where created_by = 'bench' limit 1000;
alter table bench_official_ids add primary key (n);

insert into inspections (id, type, title, planned_start, planned_end, status, started_at, create_request_hash, version,
                         created_at, created_by, updated_at, updated_by)
values (gen_random_uuid(), 'OPEN', 'bench push', current_date - 1, current_date + 30, 'IN_PROGRESS', now(), md5('push'),
        1, now(), 'bench', now(), 'bench');
insert into inspection_targets (inspection_id, unit_id)
select i.id, u.id from inspections i, units u where i.title = 'bench push' and u.code = 'BENCH-S1';
insert into inspection_team (inspection_id, position, subject, name, lead)
select id, 0, 'bench-lead', '组长', true from inspections where title = 'bench push';
