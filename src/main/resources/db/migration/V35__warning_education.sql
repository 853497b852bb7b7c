-- Warning education (警示教育): typical cases the commission writes from decided accountability cases, de-identified
-- and published on a second person's approval; and the sessions units hold to study them. Never deleted.
create table typical_cases (
    id           uuid primary key,
    case_id      uuid          not null references accountability_cases (id),
    title        varchar(200)  not null,
    narrative    varchar(10000) not null,
    violation    varchar(2000) not null,
    measure      varchar(2000) not null,
    lesson       varchar(2000) not null,
    status       varchar(16)   not null,
    published_at timestamptz,
    approved_by  varchar(255),
    version      bigint        not null,
    created_at   timestamptz   not null,
    created_by   varchar(255)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(255)  not null,
    constraint ck_typical_cases_status check (status in ('DRAFT', 'PUBLISHED')),
    constraint ck_typical_cases_published check ((status = 'PUBLISHED') = (published_at is not null)
        and (published_at is null) = (approved_by is null)),
    constraint ck_typical_cases_four_eyes check (approved_by is null or approved_by <> created_by)
);

create index ix_typical_cases_published on typical_cases (published_at, id) where status = 'PUBLISHED';
create index ix_typical_cases_created on typical_cases (created_at, id);

create trigger typical_cases_never_deleted before delete on typical_cases
    for each row execute function refuse_change_of_history();

create table warning_sessions (
    id               uuid primary key,
    unit_id          uuid          not null references units (id),
    held_on          date          not null,
    title            varchar(200)  not null,
    typical_case_ids uuid[]        not null,
    attendee_ids     uuid[]        not null,
    version          bigint        not null,
    created_at       timestamptz   not null,
    created_by       varchar(255)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(255)  not null
);

create index ix_warning_sessions_unit on warning_sessions (unit_id, held_on, id);
create index ix_warning_sessions_held on warning_sessions (held_on, id);

create trigger warning_sessions_never_deleted before delete on warning_sessions
    for each row execute function refuse_change_of_history();
