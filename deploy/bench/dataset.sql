-- The benchmark's district, written straight into a migrated schema with set-based inserts (the change-log
-- triggers fire as they would for the service's own writes). Scale from psql variables:
--   :officials, :inspections, :findings, :notices  (units are always 1 district, 30 agencies, 12 sub-districts,
--   300 villages: 25 per sub-district)
\set ON_ERROR_STOP on
begin;

create temporary table bench_now as select now() - interval '1 day' as at;

insert into units (id, code, name, type, parent_id, status, path, version, created_at, created_by, updated_at,
                   updated_by)
select gen_random_uuid(), 'BENCH', '榕城区', 'DISTRICT', null, 'ACTIVE', '{}', 0, at, 'bench', at, 'bench'
from bench_now;

insert into units (id, code, name, type, parent_id, status, path, version, created_at, created_by, updated_at,
                   updated_by)
select gen_random_uuid(), 'BENCH-A' || n, '榕城区第' || n || '局', 'AGENCY', d.id, 'ACTIVE', array[d.id], 0, at, 'bench',
       at, 'bench'
from generate_series(1, 30) n, units d, bench_now where d.code = 'BENCH';

insert into units (id, code, name, type, parent_id, status, path, version, created_at, created_by, updated_at,
                   updated_by)
select gen_random_uuid(), 'BENCH-S' || n, '第' || n || '街道', 'SUBDISTRICT', d.id, 'ACTIVE', array[d.id], 0, at,
       'bench', at, 'bench'
from generate_series(1, 12) n, units d, bench_now where d.code = 'BENCH';

insert into units (id, code, name, type, parent_id, status, path, version, created_at, created_by, updated_at,
                   updated_by)
select gen_random_uuid(), s.code || '-V' || n, s.name || '第' || n || '村', 'VILLAGE_COMMITTEE', s.id, 'ACTIVE',
       s.path || s.id, 0, at, 'bench', at, 'bench'
from generate_series(1, 25) n, units s, bench_now where s.type = 'SUBDISTRICT' and s.code like 'BENCH-S%';

create temporary table bench_units as
select row_number() over (order by code) - 1 as k, id from units where code like 'BENCH%';

insert into officials (id, name, gender, birth_date, id_number, phone, party_member, account_subject, version,
                       created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), '干部' || n, case when n % 2 = 0 then 'MALE' else 'FEMALE' end,
       date '1970-01-01' + (n % 10000), '44520219' || lpad((n % 1000000000)::text, 9, '0') || '0',
       '139' || lpad(n::text, 8, '0'), n % 3 <> 0, case when n = 0 then 'bench-officer' end, 0, at, 'bench', at,
       'bench'
from generate_series(0, :officials - 1) n, bench_now;

create temporary table bench_officials as
select row_number() over (order by phone) - 1 as k, id from officials where created_by = 'bench';

-- Every official holds one post; the first of each unit is its principal. The unit officer's post is at the top.
insert into posts (id, official_id, unit_id, title, role, responsibility, start_date, end_date, version, created_at,
                   created_by, updated_at, updated_by)
select gen_random_uuid(), o.id, u.id, case when o.k < (select count(*) from bench_units) then '主任' else '干部' end,
       case when o.k < (select count(*) from bench_units) then 'PRINCIPAL' else 'STAFF' end, null,
       date '2020-01-01', null, 0, at, 'bench', at, 'bench'
from bench_officials o
         join bench_units u on u.k = o.k % (select count(*) from bench_units), bench_now
where o.k > 0;

insert into posts (id, official_id, unit_id, title, role, responsibility, start_date, end_date, version, created_at,
                   created_by, updated_at, updated_by)
select gen_random_uuid(), o.id, d.id, '联络员', 'STAFF', null, date '2020-01-01', null, 0, at, 'bench', at, 'bench'
from bench_officials o, units d, bench_now where o.k = 0 and d.code = 'BENCH';

insert into inspections (id, type, title, description, topic, planned_start, planned_end, status, started_at,
                         completed_at, summary, create_request_hash, version, created_at, created_by, updated_at,
                         updated_by)
select gen_random_uuid(), (array['OPEN', 'COVERT', 'SUPERVISION_CHECK'])[1 + n % 3], '检查' || n, null, null,
       date '2021-01-01' + (n % 1800), date '2021-01-01' + (n % 1800), 'COMPLETED', at, at, '检查结束',
       md5(n::text), 2, at - (n || ' seconds')::interval, 'bench', at, 'bench'
from generate_series(0, :inspections - 1) n, bench_now;

create temporary table bench_inspections as
select row_number() over (order by created_at, id) - 1 as k, id from inspections where created_by = 'bench';

insert into inspection_targets (inspection_id, unit_id)
select i.id, u.id from bench_inspections i
    join bench_units u on u.k = 1 + i.k % ((select count(*) from bench_units) - 1);

insert into inspection_team (inspection_id, position, subject, name, lead)
select id, 0, 'bench-lead', '组长', true from bench_inspections;
-- P7's inspector: a member of one inspection in ten, whose findings (a tenth of them) a new device pulls.
insert into inspection_team (inspection_id, position, subject, name, lead)
select id, 1, 'bench-member', '组员', false from bench_inspections where k % 10 = 0;

insert into findings (id, inspection_id, unit_id, official_ids, category, defects, severity, title, description,
                      observed_at, latitude, longitude, address, status, create_request_hash, version, created_at,
                      created_by, updated_at, updated_by)
select gen_random_uuid(), i.id, t.unit_id, '{}', (array['INACTION', 'SLOW_ACTION', 'MISCONDUCT'])[1 + n % 3],
       array[(array['MEDIOCRITY', 'LAZINESS', 'LAXITY'])[1 + n % 3]]::varchar(16)[],
       (array['MINOR', 'MODERATE', 'SERIOUS'])[1 + n % 3], '上班时间脱岗 ' || n, '窗口无人值守，群众等候超过半小时。',
       timestamptz '2021-01-01 09:00+08' + (n * 97 % (1800 * 86400) || ' seconds')::interval, 25.5, 119.3,
       '榕城区', (array['OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'RECTIFYING', 'RECTIFYING',
        'RECTIFYING', 'RECTIFYING', 'RECTIFIED', 'RECTIFIED', 'RECTIFIED', 'RECTIFIED', 'VERIFIED', 'VERIFIED',
        'VERIFIED', 'DISMISSED'])[1 + n % 20], md5(n::text), 0, at,
       'bench-lead', at, 'bench-lead'
from generate_series(0, :findings - 1) n
         join bench_inspections i on i.k = n % (select count(*) from bench_inspections)
         join inspection_targets t on t.inspection_id = i.id, bench_now;

insert into supervision_notices (id, type, title, body, visibility, deadline, talk_scheduled_at, status, serial_year,
                                 serial_sequence, issued_at, issued_by, version, created_at, created_by, updated_at,
                                 updated_by, medium)
select gen_random_uuid(), type, '通报' || n, '经检查发现……', case when type = 'PUBLIC_EXPOSURE' then 'PUBLIC' else 'INTERNAL' end,
       case when type = 'RECTIFICATION_NOTICE' then date '2021-01-01' + (n % 1800) + 30 end, null, 'ISSUED', year,
       row_number() over (partition by type, year order by n), make_date(year, 1, 1) + (n % 360), 'bench', 1, at, 'bench', at,
       'bench', case when type = 'PUBLIC_EXPOSURE' then 'WRITTEN' end
from (select n, (array['SITUATION_BULLETIN', 'RECTIFICATION_NOTICE', 'ADMONITION_TALK', 'PUBLIC_EXPOSURE'])[1 + n % 4] as type,
             2021 + n % 5 as year
      from generate_series(0, :notices - 1) n) g, bench_now;

-- The steady state: rectification notices already past their deadline were announced overdue long ago.
update supervision_notices set overdue_announced_at = deadline + 1
where created_by = 'bench' and type = 'RECTIFICATION_NOTICE' and deadline < current_date;

-- ... and escalated long ago, both stages: without these rows the service's escalation job drafts an admonition talk
-- and leadership cases for each of them at start (50,000 in the full data set, 13 minutes of work), over every
-- workload measured.
insert into notice_escalations (id, notice_id, stage, escalated_at)
select gen_random_uuid(), n.id, s.stage, (n.deadline + 5)::timestamptz
from supervision_notices n cross join (values ('TALK'), ('CASE')) s(stage)
where n.created_by = 'bench' and n.type = 'RECTIFICATION_NOTICE' and n.deadline < current_date;

insert into notice_addressees (notice_id, unit_id)
select s.id, u.id from (select id, row_number() over (order by id) as k from supervision_notices where created_by = 'bench') s
    join bench_units u on u.k = 1 + s.k % ((select count(*) from bench_units) - 1);

commit;
analyze;
