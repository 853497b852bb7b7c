-- The channel a clue came in by (网络, 来信, 来访, 电话), counted in the statistics; public reports came online.
alter table clues add column channel varchar(16);
update clues set channel = 'ONLINE' where source = 'PUBLIC_REPORT';
alter table clues add constraint ck_clues_channel check (channel in ('ONLINE', 'LETTER', 'VISIT', 'PHONE', 'OTHER'));
alter table clues add constraint ck_clues_report_online check (source <> 'PUBLIC_REPORT' or channel = 'ONLINE');

-- The day a way of handling was first proposed: the proposal deadline is met by it, even if that proposal was
-- refused and another followed.
alter table clues add column proposed_on date;
update clues set proposed_on = (proposed_at at time zone 'Asia/Shanghai')::date where proposed_at is not null;

-- Each deadline of a clue passed with nothing done is announced once on the event feed; the key makes it once on
-- every replica, whichever runs the job.
create table clue_overdue_announcements (
    clue_id      uuid        not null references clues (id),
    deadline     varchar(24) not null,
    announced_at timestamptz not null,
    primary key (clue_id, deadline),
    constraint ck_clue_overdue_deadline check (deadline in ('PROPOSAL', 'ACCEPTANCE_NOTICE', 'RESULT_NOTICE'))
);

-- Clarifications (澄清正名): when a clue about an official proves unfounded, the commission may publish a notice that
-- clears their name. The public reads the notice; only the commission knows the clue behind it.
create table clue_clarifications (
    id           uuid primary key,
    clue_id      uuid          not null references clues (id),
    official_id  uuid          not null references officials (id),
    unit_id      uuid          not null references units (id),
    title        varchar(200)  not null,
    body         varchar(5000) not null,
    published_on date          not null,
    created_at   timestamptz   not null,
    created_by   varchar(255)  not null,
    constraint uq_clue_clarifications_official unique (clue_id, official_id)
);

create index ix_clue_clarifications_published on clue_clarifications (published_on desc, id desc);
