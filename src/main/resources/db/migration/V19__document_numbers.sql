-- Formal documents carry numbers (榕纪通〔2026〕3号). Notices were numbered per type and year already; case decisions
-- are now numbered per year too. Both counters live in one table, one series each.
create table serial_counters (
    series        varchar(64) not null,
    year          integer     not null,
    last_sequence integer     not null check (last_sequence > 0),
    primary key (series, year)
);

insert into serial_counters (series, year, last_sequence)
select 'notice:' || type, year, last_sequence from notice_sequences;

drop table notice_sequences;

alter table case_decisions add column serial_year integer, add column serial_sequence integer;

-- Decisions made before numbering take numbers in the order they were recorded, per year of decision.
with numbered as (
    select id, extract(year from decided_on)::integer as y,
           row_number() over (partition by extract(year from decided_on) order by created_at, id) as n
    from case_decisions)
update case_decisions d set serial_year = numbered.y, serial_sequence = numbered.n
from numbered where d.id = numbered.id;

insert into serial_counters (series, year, last_sequence)
select 'case-decision', serial_year, max(serial_sequence) from case_decisions group by serial_year;

alter table case_decisions
    alter column serial_year set not null,
    alter column serial_sequence set not null,
    add constraint uq_case_decision_serial unique (serial_year, serial_sequence);
