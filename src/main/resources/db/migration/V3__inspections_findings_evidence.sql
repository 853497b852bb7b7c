-- Inspections with their targets and teams, findings, evidence, and the transition history of every lifecycle.

-- One history for every state machine of the API: who moved which record from which state to which, and why.
create table transitions (
    id          uuid primary key,
    entity_type varchar(64)  not null,
    entity_id   uuid         not null,
    from_status varchar(32)  not null,
    to_status   varchar(32)  not null,
    note        varchar(2000),
    actor       varchar(255) not null,
    occurred_at timestamptz  not null,
    request_id  varchar(128)
);

create index ix_transitions_entity on transitions (entity_type, entity_id, occurred_at, id);

-- Transition history is part of the discipline record: append-only, like the audit log.
create function refuse_change_of_history() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger transitions_no_update_or_delete
    before update or delete on transitions
    for each row execute function refuse_change_of_history();

create trigger transitions_no_truncate
    before truncate on transitions
    for each statement execute function refuse_change_of_history();

create table inspections (
    id                  uuid primary key,
    type                varchar(32)   not null,
    title               varchar(200)  not null,
    description         varchar(10000),
    topic               varchar(500),
    planned_start       date          not null,
    planned_end         date          not null,
    status              varchar(16)   not null,
    started_at          timestamptz,
    completed_at        timestamptz,
    summary             varchar(10000),
    create_request_hash varchar(64)   not null,
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(255)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(255)  not null,
    constraint ck_inspections_type check (type in ('OPEN', 'COVERT', 'SUPERVISION_CHECK')),
    constraint ck_inspections_status check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    constraint ck_inspections_title check (length(btrim(title)) between 1 and 200),
    constraint ck_inspections_planned check (planned_end >= planned_start),
    constraint ck_inspections_completed check (status <> 'COMPLETED' or (summary is not null and completed_at is not null))
);

create index ix_inspections_planned on inspections (planned_start, id);
create index ix_inspections_updated on inspections (updated_at, id);
create index ix_inspections_created on inspections (created_at, id);
create index ix_inspections_type_status on inspections (type, status);
create index ix_inspections_status on inspections (status, planned_start);

create table inspection_targets (
    inspection_id uuid not null references inspections (id),
    unit_id       uuid not null references units (id),
    primary key (inspection_id, unit_id)
);

create index ix_inspection_targets_unit on inspection_targets (unit_id, inspection_id);

create table inspection_team (
    inspection_id uuid         not null references inspections (id),
    position      integer      not null,
    subject       varchar(255) not null,
    name          varchar(100) not null,
    lead          boolean      not null,
    primary key (inspection_id, position),
    constraint uq_inspection_team_member unique (inspection_id, subject)
);

create index ix_inspection_team_subject on inspection_team (subject, inspection_id);

create table findings (
    id                  uuid primary key,
    inspection_id       uuid           not null references inspections (id),
    unit_id             uuid           not null references units (id),
    official_ids        uuid[]         not null default '{}',
    category            varchar(16)    not null,
    defects             varchar(16)[]  not null default '{}',
    severity            varchar(16)    not null,
    title               varchar(200)   not null,
    description         varchar(10000),
    observed_at         timestamptz    not null,
    latitude            numeric(9, 6),
    longitude           numeric(9, 6),
    address             varchar(500),
    status              varchar(16)    not null,
    create_request_hash varchar(64)    not null,
    version             bigint         not null,
    created_at          timestamptz    not null,
    created_by          varchar(255)   not null,
    updated_at          timestamptz    not null,
    updated_by          varchar(255)   not null,
    constraint ck_findings_category check (category in ('INACTION', 'SLOW_ACTION', 'MISCONDUCT')),
    constraint ck_findings_severity check (severity in ('MINOR', 'MODERATE', 'SERIOUS')),
    constraint ck_findings_status check (status in ('OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED', 'DISMISSED')),
    constraint ck_findings_defects check (defects <@ array['MEDIOCRITY', 'LAZINESS', 'LAXITY']::varchar(16)[]),
    constraint ck_findings_title check (length(btrim(title)) between 1 and 200),
    constraint ck_findings_latitude check (latitude between -90 and 90),
    constraint ck_findings_longitude check (longitude between -180 and 180)
);

-- Every filter of GET /api/v1/findings with both keyset orders (observedAt, updatedAt), for millions of rows.
create index ix_findings_observed on findings (observed_at, id);
create index ix_findings_updated on findings (updated_at, id);
create index ix_findings_inspection on findings (inspection_id, observed_at, id);
create index ix_findings_unit on findings (unit_id, observed_at, id);
create index ix_findings_status on findings (status, observed_at, id);
create index ix_findings_category on findings (category, observed_at, id);
create index ix_findings_severity on findings (severity, observed_at, id);
create index ix_findings_officials on findings using gin (official_ids);
create index ix_findings_defects on findings using gin (defects);

create table evidence (
    id            uuid primary key,
    finding_id    uuid references findings (id),
    inspection_id uuid references inspections (id),
    sha256        varchar(64)  not null,
    size          bigint       not null,
    media_type    varchar(100) not null,
    captured_at   timestamptz,
    file_name     varchar(255),
    status        varchar(16)  not null,
    version       bigint       not null,
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(255) not null,
    constraint ck_evidence_owner check ((finding_id is null) <> (inspection_id is null)),
    constraint ck_evidence_status check (status in ('ACTIVE', 'WITHDRAWN')),
    constraint ck_evidence_sha256 check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint ck_evidence_size check (size >= 0)
);

create unique index uq_evidence_finding_content on evidence (finding_id, sha256) where finding_id is not null;
create unique index uq_evidence_inspection_content on evidence (inspection_id, sha256) where inspection_id is not null;
create index ix_evidence_sha256 on evidence (sha256);
