-- Webhook subscriptions: the event feed pushed to another system, as its owner may read it. The signing secret is
-- sealed under ZUOFENG_SECRET (never stored in the clear); after a rotation the previous one signs too, for a day.
create table webhook_subscriptions (
    id                    uuid primary key,
    version               bigint        not null,
    url                   varchar(2048) not null,
    event_types           varchar(96)[] not null,
    description           varchar(500),
    status                varchar(16)   not null,
    disabled_reason       varchar(500),
    owner_subject         varchar(255)  not null,
    owner_roles           varchar(32)[] not null,
    secret                bytea         not null,
    previous_secret       bytea,
    previous_secret_until timestamptz,
    -- Where the subscription's reading of the feed stands (a change-log position).
    feed_xid              bigint        not null,
    feed_position         bigint        not null,
    created_at            timestamptz   not null,
    created_by            varchar(255)  not null,
    updated_at            timestamptz   not null,
    updated_by            varchar(255)  not null,
    constraint ck_webhook_subscriptions_status check (status in ('ACTIVE', 'DISABLED'))
);

create index ix_webhook_subscriptions_owner on webhook_subscriptions (owner_subject, created_at);

-- One message per event per subscription: its id is the webhook-id receivers dedupe by, its body the same on every
-- attempt. Workers claim due messages with FOR UPDATE SKIP LOCKED and lease them while they send.
create table webhook_deliveries (
    id              uuid primary key,
    subscription_id uuid         not null references webhook_subscriptions (id) on delete cascade,
    event_id        uuid         not null,
    event_type      varchar(96)  not null,
    payload         text         not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    leased_until    timestamptz,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    constraint ck_webhook_deliveries_status check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'))
);

create index ix_webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index ix_webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at);

-- The delivery log: every attempt, with what the receiver answered.
create table webhook_attempts (
    id              uuid primary key,
    delivery_id     uuid         not null references webhook_deliveries (id) on delete cascade,
    subscription_id uuid         not null references webhook_subscriptions (id) on delete cascade,
    event_id        uuid         not null,
    event_type      varchar(96)  not null,
    attempt         integer      not null,
    attempted_at    timestamptz  not null,
    status_code     integer,
    error           varchar(500),
    duration_ms     integer      not null,
    outcome         varchar(16)  not null,
    next_attempt_at timestamptz
);

create index ix_webhook_attempts_subscription on webhook_attempts (subscription_id, attempted_at, id);
