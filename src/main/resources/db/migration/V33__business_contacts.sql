-- The 亲清 register of officials' dealings with business (政商交往报备): an official's contact with a business, declared
-- by the official or by a unit officer on their behalf, with the red flags the server's rules raised when it was
-- declared, and the commission's review. What happened is fixed once declared; only the review moves on. Never deleted.
create table business_contacts (
    id             uuid primary key,
    official_id    uuid           not null references officials (id),
    unit_id        uuid           not null references units (id),
    business_name  varchar(200)   not null,
    credit_code    varchar(18)    not null,
    kind           varchar(16)    not null,
    occurred_on    date           not null,
    place          varchar(500),
    value_yuan     numeric(14, 2),
    paid_by        varchar(16),
    declined       boolean        not null,
    purpose        varchar(2000)  not null,
    others_present varchar(2000),
    power_items    jsonb          not null,
    declared_on    date           not null,
    on_behalf      boolean        not null,
    flags          jsonb          not null,
    flag_codes     varchar(32)[]  not null default '{}',
    status         varchar(16)    not null,
    review_reason  varchar(2000),
    reviewed_at    timestamptz,
    reviewed_by    varchar(255),
    clue_id        uuid,
    version        bigint         not null,
    created_at     timestamptz    not null,
    created_by     varchar(255)   not null,
    updated_at     timestamptz    not null,
    updated_by     varchar(255)   not null,
    constraint ck_business_contacts_credit_code check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    constraint ck_business_contacts_kind check (kind in ('MEETING', 'VISIT', 'MEAL', 'GIFT', 'TRAVEL', 'HELP')),
    constraint ck_business_contacts_paid_by check (paid_by in ('OFFICIAL', 'BUSINESS', 'SHARED', 'PUBLIC_FUNDS',
                                                               'NO_COST')),
    constraint ck_business_contacts_value check (value_yuan >= 0),
    constraint ck_business_contacts_status check (status in ('DECLARED', 'ACCEPTED', 'QUESTIONED', 'REFERRED')),
    constraint ck_business_contacts_reviewed check ((status = 'DECLARED') = (reviewed_at is null)),
    constraint ck_business_contacts_referred check ((status = 'REFERRED') = (clue_id is not null))
);

create index ix_business_contacts_business on business_contacts (credit_code, occurred_on);
create index ix_business_contacts_official on business_contacts (official_id, occurred_on);
create index ix_business_contacts_unit on business_contacts (unit_id, occurred_on);
create index ix_business_contacts_occurred on business_contacts (occurred_on, id);
create index ix_business_contacts_flags on business_contacts using gin (flag_codes);

create trigger business_contacts_never_deleted before delete on business_contacts
    for each row execute function refuse_change_of_history();
