-- Power, negative and responsibility lists (权力清单, 负面清单, 责任清单) of a unit: versions with effective dates. A
-- published version is numbered in order per unit and kind and supersedes the one before it from its effective
-- date; older versions stay readable. Drafts have no number.
create table duty_lists (
    id             uuid primary key,
    version        bigint       not null,
    unit_id        uuid         not null references units (id),
    kind           varchar(16)  not null,
    number         integer,
    effective_from date         not null,
    status         varchar(16)  not null,
    items          jsonb        not null,
    published_at   timestamptz,
    published_by   varchar(255),
    created_at     timestamptz  not null,
    created_by     varchar(255) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(255) not null,
    constraint ck_duty_lists_kind check (kind in ('POWER', 'NEGATIVE', 'RESPONSIBILITY')),
    constraint ck_duty_lists_status check (status in ('DRAFT', 'PUBLISHED')),
    constraint ck_duty_lists_number check ((status = 'PUBLISHED') = (number is not null))
);

create unique index uq_duty_lists_number on duty_lists (unit_id, kind, number) where number is not null;
create index ix_duty_lists_unit on duty_lists (unit_id, kind, effective_from);
