-- Officials, the posts they hold over time, and read events in the audit log that list several records.

-- btree_gist lets one exclusion constraint combine uuid equality with date-range overlap; it is a trusted extension.
create extension if not exists btree_gist;

create table officials (
    id              uuid primary key,
    name            varchar(100) not null,
    gender          varchar(8)   not null,
    birth_date      date         not null,
    id_number       varchar(18)  not null,
    phone           varchar(11)  not null,
    party_member    boolean      not null,
    account_subject varchar(255),
    version         bigint       not null,
    created_at      timestamptz  not null,
    created_by      varchar(255) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(255) not null,
    constraint uq_officials_id_number unique (id_number),
    constraint uq_officials_account_subject unique (account_subject),
    constraint ck_officials_name check (length(btrim(name)) between 1 and 100),
    constraint ck_officials_gender check (gender in ('MALE', 'FEMALE')),
    constraint ck_officials_id_number check (id_number ~ '^[0-9]{17}[0-9X]$'),
    constraint ck_officials_phone check (phone ~ '^1[3-9][0-9]{9}$'),
    constraint ck_officials_account_subject check (account_subject is null or length(account_subject) between 1 and 255)
);

create index ix_officials_name on officials (name, id);
create index ix_officials_created on officials (created_at, id);
create index ix_officials_updated on officials (updated_at, id);
create index ix_officials_party on officials (party_member);
create index ix_officials_name_trgm on officials using gin (lower(name) gin_trgm_ops);

create table posts (
    id             uuid primary key,
    official_id    uuid         not null references officials (id),
    unit_id        uuid         not null references units (id),
    title          varchar(100) not null,
    role           varchar(32)  not null,
    responsibility varchar(200),
    start_date     date         not null,
    end_date       date,
    version        bigint       not null,
    created_at     timestamptz  not null,
    created_by     varchar(255) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(255) not null,
    constraint ck_posts_title check (length(btrim(title)) between 1 and 100),
    constraint ck_posts_role check (role in ('PRINCIPAL', 'DEPUTY_IN_CHARGE', 'LEADERSHIP_MEMBER', 'STAFF',
                                             'TWO_COMMITTEES_MEMBER')),
    constraint ck_posts_dates check (end_date is null or end_date >= start_date),
    -- At most one principal (一把手) per unit on any day; the terms include both their first and last day.
    constraint ex_posts_one_principal exclude using gist (
        unit_id with =,
        daterange(start_date, end_date, '[]') with &&
    ) where (role = 'PRINCIPAL')
);

create index ix_posts_official on posts (official_id, start_date);
create index ix_posts_unit_dates on posts (unit_id, start_date, end_date);
create index ix_posts_role on posts (role, unit_id);

-- A read of several records (e.g. a list showing unmasked personal data) is one event listing all their ids.
alter table audit_events add column entity_ids uuid[];
create index ix_audit_entity_ids on audit_events using gin (entity_ids);
