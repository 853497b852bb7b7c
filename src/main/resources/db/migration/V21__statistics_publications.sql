-- Statistics the commission marks public: the summary of a period, frozen as it stood when published.
create table statistics_publications (
    id          uuid primary key,
    title       varchar(200) not null,
    period_from date         not null,
    period_to   date         not null,
    figures     jsonb        not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(255) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(255) not null,
    constraint ck_statistics_publications_period check (period_to >= period_from)
);

create index ix_statistics_publications_created on statistics_publications (created_at desc, id desc);
