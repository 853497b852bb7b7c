-- Public reports (检举控告) and the clue register (问题线索).
--
-- A report keeps nothing that identifies its reporter unless they chose to give it: no address, no user agent, no
-- time finer than the day it arrived. Its receipt code, the reporter's only way back in, is kept as a slow keyed hash
-- (PBKDF2 under a salt derived from ZUOFENG_SECRET), so that a copy of the database does not reveal it; a real-name
-- reporter's name and contact are sealed (AES-GCM under a key derived from ZUOFENG_SECRET).
create table public_reports (
    id              uuid primary key,
    version         bigint       not null,
    receipt_hash    varchar(64)  not null,
    category        varchar(32),
    title           varchar(200) not null,
    details         text         not null,
    about_unit_id   uuid references units (id),
    unit_code       varchar(64),
    unit_name       varchar(200),
    people          varchar(2000),
    happened        varchar(500),
    real_name       boolean      not null,
    identity_sealed bytea,
    received_on     date         not null,
    constraint uq_public_reports_receipt unique (receipt_hash),
    constraint ck_public_reports_category check (category in ('INACTION', 'SLOW_ACTION', 'MISCONDUCT')),
    constraint ck_public_reports_identity check (real_name = (identity_sealed is not null))
);

-- The conversation between the commission and a reporter: questions and answers, in order. The commission member who
-- asked is kept for the record and never shown to the reporter.
create table report_messages (
    id        uuid primary key,
    report_id uuid         not null references public_reports (id),
    position  integer      not null,
    sender    varchar(16)  not null,
    body      text         not null,
    sent_on   date         not null,
    author    varchar(255),
    constraint uq_report_messages_position unique (report_id, position),
    constraint ck_report_messages_sender check (sender in ('COMMISSION', 'REPORTER')),
    constraint ck_report_messages_author check ((sender = 'COMMISSION') = (author is not null))
);

-- Proof-of-work challenges are stateless (signed); one that was spent is kept until it expires, so it is taken once.
create table spent_report_challenges (
    id         uuid primary key,
    expires_at timestamptz not null
);

create index ix_spent_report_challenges_expiry on spent_report_challenges (expires_at);

-- Reports and receipt lookups counted per client address and hour, under a keyed hash of the address and the hour
-- (the same address gives unrelated keys in two hours); the rows of past hours are deleted within minutes.
create table report_throttle (
    address_key  varchar(64) not null,
    action       varchar(16) not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (address_key, action, window_start)
);

create index ix_report_throttle_window on report_throttle (window_start);

-- The register: every report becomes a clue, and clues come from other sources too. Numbered per year without gaps
-- (serial_counters, series 'clue'). Handled by one of the four ways (谈话函询, 初步核实, 暂存待查, 予以了结), proposed
-- by one member and approved by another; concluded with an outcome and what follows it (an inspection, a case).
create table clues (
    id                uuid primary key,
    version           bigint       not null,
    year              integer      not null,
    sequence          integer      not null,
    source            varchar(32)  not null,
    category          varchar(32),
    title             varchar(200) not null,
    summary           text         not null,
    received_on       date         not null,
    status            varchar(16)  not null,
    report_id         uuid references public_reports (id),
    source_finding_id uuid references findings (id),
    way               varchar(32),
    proposal_reason   varchar(2000),
    proposed_by       varchar(255),
    proposed_at       timestamptz,
    approved_by       varchar(255),
    approval_reason   varchar(2000),
    approved_at       timestamptz,
    outcome           varchar(16),
    conclusion        text,
    concluded_on      date,
    inspection_id     uuid,
    case_id           uuid,
    created_at        timestamptz  not null,
    created_by        varchar(255) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(255) not null,
    constraint uq_clues_number unique (year, sequence),
    constraint uq_clues_report unique (report_id),
    constraint ck_clues_source check (source in ('PUBLIC_REPORT', 'INSPECTION', 'AUDIT', 'SUPERVISION', 'MEDIA',
        'HIGHER_COMMISSION', 'OTHER')),
    constraint ck_clues_report check ((source = 'PUBLIC_REPORT') = (report_id is not null)),
    constraint ck_clues_category check (category in ('INACTION', 'SLOW_ACTION', 'MISCONDUCT')),
    constraint ck_clues_status check (status in ('REGISTERED', 'PROPOSED', 'IN_HANDLING', 'HELD', 'CONCLUDED')),
    constraint ck_clues_way check (way in ('TALK_OR_INQUIRY', 'PRELIMINARY_VERIFICATION', 'HOLD', 'CLOSE')),
    constraint ck_clues_proposed check ((status = 'REGISTERED') = (way is null)),
    constraint ck_clues_outcome check (outcome in ('UNFOUNDED', 'PARTLY_FOUNDED', 'FOUNDED')),
    constraint ck_clues_four_eyes check (approved_by is null or approved_by <> proposed_by)
);

create index ix_clues_received on clues (received_on, id);

create table clue_units (
    clue_id uuid not null references clues (id),
    unit_id uuid not null references units (id),
    primary key (clue_id, unit_id)
);

create index ix_clue_units_unit on clue_units (unit_id);

create table clue_officials (
    clue_id     uuid not null references clues (id),
    official_id uuid not null references officials (id),
    primary key (clue_id, official_id)
);

create index ix_clue_officials_official on clue_officials (official_id);
