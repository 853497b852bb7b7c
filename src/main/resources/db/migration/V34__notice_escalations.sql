-- Pressing until it is fixed: a rectification notice left overdue is escalated by the service itself, once per stage,
-- whichever replica runs the job (the primary key is the claim): a draft admonition talk (TALK), then
-- leadership-responsibility cases against the deputies in charge (CASE). The row says what each stage made.
create table notice_escalations (
    id           uuid primary key,
    notice_id    uuid        not null references supervision_notices (id),
    stage        varchar(8)  not null,
    escalated_at timestamptz not null,
    unit_ids     uuid[]      not null default '{}',
    talk_id      uuid references supervision_notices (id),
    case_ids     uuid[]      not null default '{}',
    constraint uq_notice_escalations_stage unique (notice_id, stage),
    constraint ck_notice_escalations_stage check (stage in ('TALK', 'CASE'))
);

create index ix_notice_escalations_escalated on notice_escalations (escalated_at, id);

create trigger notice_escalations_never_deleted before delete on notice_escalations
    for each row execute function refuse_change_of_history();
