-- Supervision notices with their gap-free numbering and the units' responses; accountability cases (一案双查).

-- The last number given per notice type and calendar year; incremented under the row lock of the issuing
-- transaction, so concurrent issues queue and a rolled-back issue gives its number back.
create table notice_sequences (
    type          varchar(32) not null,
    year          integer     not null,
    last_sequence integer     not null,
    primary key (type, year)
);

create table supervision_notices (
    id                uuid primary key,
    type              varchar(32)  not null,
    title             varchar(200) not null,
    body              text         not null,
    visibility        varchar(16)  not null,
    deadline          date,
    talk_scheduled_at timestamptz,
    status            varchar(16)  not null,
    serial_year       integer,
    serial_sequence   integer,
    issued_at         timestamptz,
    issued_by         varchar(255),
    deleted_at        timestamptz,
    version           bigint       not null,
    created_at        timestamptz  not null,
    created_by        varchar(255) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(255) not null,
    constraint ck_notices_type check (type in ('SITUATION_BULLETIN', 'RECTIFICATION_NOTICE', 'ADMONITION_TALK',
                                               'PUBLIC_EXPOSURE')),
    constraint ck_notices_visibility check (visibility in ('INTERNAL', 'PUBLIC')),
    constraint ck_notices_status check (status in ('DRAFT', 'ISSUED', 'RESPONDED', 'RETURNED', 'ACCEPTED', 'CLOSED',
                                                   'WITHDRAWN')),
    constraint ck_notices_body check (length(body) <= 50000),
    constraint ck_notices_serial check ((serial_year is null) = (serial_sequence is null)
        and (serial_year is null) = (status = 'DRAFT')),
    constraint ck_notices_deadline check (type <> 'RECTIFICATION_NOTICE' or deadline is not null),
    constraint ck_notices_exposure_public check (type <> 'PUBLIC_EXPOSURE' or visibility = 'PUBLIC'),
    constraint ck_notices_deleted_drafts check (deleted_at is null or status = 'DRAFT'),
    constraint uq_notices_serial unique (type, serial_year, serial_sequence)
);

create index ix_notices_updated on supervision_notices (updated_at, id);
create index ix_notices_created on supervision_notices (created_at, id);
create index ix_notices_issued on supervision_notices (issued_at, id);
create index ix_notices_type_status on supervision_notices (type, status);
create index ix_notices_public on supervision_notices (visibility, status, issued_at);
create index ix_notices_deadline on supervision_notices (deadline) where type = 'RECTIFICATION_NOTICE';

create table notice_addressees (
    notice_id uuid not null references supervision_notices (id),
    unit_id   uuid not null references units (id),
    primary key (notice_id, unit_id)
);

create index ix_notice_addressees_unit on notice_addressees (unit_id, notice_id);

create table notice_findings (
    notice_id  uuid not null references supervision_notices (id),
    finding_id uuid not null references findings (id),
    primary key (notice_id, finding_id)
);

create index ix_notice_findings_finding on notice_findings (finding_id);

create table notice_officials (
    notice_id   uuid not null references supervision_notices (id),
    official_id uuid not null references officials (id),
    primary key (notice_id, official_id)
);

-- Who was summoned to an admonition talk, as their posts stood on the issue date.
create table notice_summoned (
    notice_id   uuid         not null references supervision_notices (id),
    position    integer      not null,
    official_id uuid         not null references officials (id),
    name        varchar(100) not null,
    role        varchar(32),
    title       varchar(100),
    primary key (notice_id, position)
);

create table notice_responses (
    id           uuid primary key,
    notice_id    uuid          not null references supervision_notices (id),
    measures     varchar(10000) not null,
    completed_on date          not null,
    version      bigint        not null,
    created_at   timestamptz   not null,
    created_by   varchar(255)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(255)  not null
);

create index ix_notice_responses_notice on notice_responses (notice_id, created_at);

-- Evidence may now back a unit's response to a notice, too.
alter table evidence add column response_id uuid references notice_responses (id);
alter table evidence drop constraint ck_evidence_owner;
alter table evidence add constraint ck_evidence_owner check (num_nonnulls(finding_id, inspection_id, response_id) = 1);
create unique index uq_evidence_response_content on evidence (response_id, sha256) where response_id is not null;

create table accountability_cases (
    id                  uuid primary key,
    kind                varchar(32)   not null,
    subject_official_id uuid          not null references officials (id),
    unit_id             uuid          not null references units (id),
    occurred_on         date          not null,
    source_notice_id    uuid references supervision_notices (id),
    summary             varchar(10000),
    status              varchar(16)   not null,
    violation_case_id   uuid references accountability_cases (id),
    leader_role         varchar(32),
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(255)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(255)  not null,
    constraint ck_cases_kind check (kind in ('VIOLATION', 'LEADERSHIP_RESPONSIBILITY')),
    constraint ck_cases_status check (status in ('OPEN', 'DECIDED', 'CLOSED', 'WAIVED')),
    constraint ck_cases_waived check (status <> 'WAIVED' or kind = 'LEADERSHIP_RESPONSIBILITY'),
    constraint ck_cases_link check (violation_case_id is null or kind = 'LEADERSHIP_RESPONSIBILITY')
);

create index ix_cases_subject on accountability_cases (subject_official_id, created_at);
create index ix_cases_unit on accountability_cases (unit_id, created_at);
create index ix_cases_violation on accountability_cases (violation_case_id);
create index ix_cases_status on accountability_cases (status, kind);
create index ix_cases_updated on accountability_cases (updated_at, id);
create index ix_cases_created on accountability_cases (created_at, id);

create table case_source_findings (
    case_id    uuid not null references accountability_cases (id),
    finding_id uuid not null references findings (id),
    primary key (case_id, finding_id)
);

-- Decisions are never changed: an appeal that revises one supersedes it with a new one.
create table case_decisions (
    id                    uuid primary key,
    case_id               uuid          not null references accountability_cases (id),
    measures              varchar(32)[] not null,
    decided_on            date          not null,
    basis                 varchar(10000) not null,
    disciplinary_sanction boolean       not null,
    superseded_by         uuid references case_decisions (id) deferrable initially deferred,
    version               bigint        not null,
    created_at            timestamptz   not null,
    created_by            varchar(255)  not null,
    updated_at            timestamptz   not null,
    updated_by            varchar(255)  not null,
    constraint ck_decisions_measures check (cardinality(measures) >= 1 and measures <@ array['ADMONISHMENT_TALK',
        'CRITICISM_BULLETIN', 'TRANSFER', 'PARTY_WARNING', 'DEMERIT', 'DEMOTION', 'DISMISSAL',
        'TERMINATION_OF_POST']::varchar(32)[])
);

-- One standing decision per case: concurrent decisions cannot both stand.
create unique index uq_case_standing_decision on case_decisions (case_id) where superseded_by is null;
create index ix_decisions_case on case_decisions (case_id, created_at);
create index ix_decisions_decided on case_decisions (decided_on);
create index ix_decisions_measures on case_decisions using gin (measures);

create table case_appeals (
    id                  uuid primary key,
    case_id             uuid          not null references accountability_cases (id),
    decision_id         uuid          not null references case_decisions (id),
    text                varchar(10000) not null,
    filed_on            date          not null,
    outcome             varchar(16),
    reason              varchar(10000),
    resolved_on         date,
    revised_decision_id uuid references case_decisions (id),
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(255)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(255)  not null,
    constraint ck_appeals_outcome check (outcome is null or outcome in ('UPHELD', 'REVISED')),
    constraint ck_appeals_revised check ((outcome = 'REVISED') = (revised_decision_id is not null))
);

create index ix_appeals_case on case_appeals (case_id, created_at);
