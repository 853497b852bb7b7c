-- Working days for deadlines the rules count in them: the year's public holidays and make-up working days (调休), as
-- an operator loads them; every other weekday is worked, every other weekend day is not.
create table calendar_days (
    day  date         primary key,
    kind varchar(16)  not null,
    name varchar(100) not null,
    constraint ck_calendar_days_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- A clue's deadlines, fixed when each starts to run: a handling proposal within a month of receipt; a real-name
-- reporter told of acceptance within 15 working days of receipt, and of the result within 15 of the conclusion.
alter table clues
    add column proposal_due       date,
    add column acceptance_due     date,
    add column acceptance_told_on date,
    add column result_due         date,
    add column result_told_on     date;

update clues set proposal_due = received_on + interval '1 month';

alter table clues alter column proposal_due set not null;

create index ix_clues_proposal_due on clues (proposal_due) where status = 'REGISTERED';
