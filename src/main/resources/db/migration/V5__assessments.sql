-- Yearly assessments: quantified schemes, graded assessments through public notice, objections, village votes.

create table assessment_schemes (
    id               uuid primary key,
    name             varchar(200)  not null,
    year             integer       not null,
    subject_type     varchar(32)   not null,
    indicators       jsonb         not null,
    grade_bands      jsonb         not null,
    excellent_quota  numeric(5, 4) not null,
    vote_numerator   integer,
    vote_denominator integer,
    version          bigint        not null,
    created_at       timestamptz   not null,
    created_by       varchar(255)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(255)  not null,
    constraint ck_schemes_subject_type check (subject_type in ('OFFICIAL', 'LEADERSHIP_TEAM', 'VILLAGE_CADRE')),
    constraint ck_schemes_quota check (excellent_quota between 0 and 1),
    constraint ck_schemes_year check (year between 2000 and 2200),
    constraint ck_schemes_vote_rule check ((subject_type = 'VILLAGE_CADRE') = (vote_numerator is not null)
        and (vote_numerator is null) = (vote_denominator is null)
        and (vote_denominator is null or (vote_denominator > 0 and vote_numerator between 0 and vote_denominator)))
);

create index ix_schemes_year on assessment_schemes (year, subject_type);
create index ix_schemes_created on assessment_schemes (created_at, id);

create table assessments (
    id                  uuid primary key,
    scheme_id           uuid          not null references assessment_schemes (id),
    year                integer       not null,
    subject_type        varchar(32)   not null,
    official_id         uuid references officials (id),
    unit_id             uuid          not null references units (id),
    scores              jsonb         not null,
    public_review       jsonb,
    total_score         numeric(7, 2) not null,
    grade               varchar(32),
    status              varchar(16)   not null,
    notice_start        date,
    notice_end          date,
    termination_case_id uuid references accountability_cases (id),
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(255)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(255)  not null,
    constraint ck_assessments_status check (status in ('DRAFT', 'PUBLIC_NOTICE', 'FINAL')),
    constraint ck_assessments_grade check (grade is null or grade in ('EXCELLENT', 'COMPETENT',
                                                                      'BASICALLY_COMPETENT', 'INCOMPETENT')),
    constraint ck_assessments_subject check ((subject_type = 'LEADERSHIP_TEAM') = (official_id is null)),
    constraint ck_assessments_notice check ((status = 'PUBLIC_NOTICE') <= (notice_start is not null))
);

-- One assessment per subject per scheme.
create unique index uq_assessments_official on assessments (scheme_id, official_id) where official_id is not null;
create unique index uq_assessments_team on assessments (scheme_id, unit_id) where official_id is null;
create index ix_assessments_unit on assessments (unit_id, scheme_id);
create index ix_assessments_official on assessments (official_id, year);
create index ix_assessments_status on assessments (status, grade);
create index ix_assessments_year on assessments (year, subject_type);
create index ix_assessments_created on assessments (created_at, id);
create index ix_assessments_updated on assessments (updated_at, id);

create table assessment_objections (
    id            uuid primary key,
    assessment_id uuid           not null references assessments (id),
    text          varchar(10000) not null,
    raised_by     varchar(200)   not null,
    outcome       varchar(16),
    reason        varchar(10000),
    resolved_at   timestamptz,
    resolved_by   varchar(255),
    version       bigint         not null,
    created_at    timestamptz    not null,
    created_by    varchar(255)   not null,
    updated_at    timestamptz    not null,
    updated_by    varchar(255)   not null,
    constraint ck_objections_outcome check (outcome is null or outcome in ('UPHELD', 'DISMISSED')),
    constraint ck_objections_resolved check ((outcome is null) = (resolved_at is null))
);

create index ix_objections_assessment on assessment_objections (assessment_id, created_at);

-- A case created by the two-strikes rule cites the assessments behind it.
create table case_source_assessments (
    case_id       uuid not null references accountability_cases (id),
    assessment_id uuid not null references assessments (id),
    primary key (case_id, assessment_id)
);
