-- Requests to the public API per client address and fixed window, shared by every replica.
create table public_rate_limits (
    client       varchar(64) not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (client, window_start)
);

create index ix_public_rate_limits_window on public_rate_limits (window_start);
