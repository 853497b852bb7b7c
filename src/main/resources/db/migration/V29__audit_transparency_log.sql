-- A transparency log over the audit record (RFC 9162): every audit event enters a Merkle tree in commit order, and
-- signed tree heads let anyone who kept one prove later that the record was altered or rolled back.
--
-- Commit order: each event carries the id of the transaction that wrote it and a position. The sealer takes events
-- only below the oldest transaction still running, by (transaction, position), so an event whose transaction commits
-- after a later one is never skipped. Events written before this migration share its transaction, in position order.
alter table audit_events add column log_xid bigint default (pg_current_xact_id()::text::bigint);
alter table audit_events alter column log_xid set not null;
alter table audit_events add column log_position bigint generated always as identity;

create index ix_audit_log_order on audit_events (log_xid, log_position);

-- The leaves in the order they entered the tree, each the audit event it hashes.
create table audit_log_leaves (
    idx      bigint primary key,
    audit_id uuid   not null,
    constraint uq_audit_log_leaves_audit unique (audit_id)
);

-- The hash of every perfect subtree: level 0 the leaf hashes, level k the subtree over leaves idx·2^k to
-- (idx+1)·2^k - 1. A proof reads O(log² n) of them.
create table audit_log_nodes (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (level, idx)
);

-- Where the sealer stands: how many leaves the tree has, and the last event sealed. Its one row is locked by the
-- sealer, so one replica seals at a time.
create table audit_log_state (
    id            smallint primary key,
    size          bigint not null,
    last_xid      bigint not null,
    last_position bigint not null,
    constraint ck_audit_log_state_one check (id = 1)
);

insert into audit_log_state (id, size, last_xid, last_position) values (1, 0, 0, 0);

-- Signed tree heads: RFC 9162 TreeHeadDataV2 (timestamp, tree size, root hash, no extensions) signed with Ed25519.
create table audit_tree_heads (
    tree_size  bigint       primary key,
    root_hash  bytea        not null,
    signed_at  timestamptz  not null,
    key_id     varchar(64)  not null,
    signature  bytea        not null
);

-- The log is append-only, as the record it seals.
create function audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_leaves_append_only before update or delete on audit_log_leaves
    for each row execute function audit_log_append_only();
create trigger audit_log_nodes_append_only before update or delete on audit_log_nodes
    for each row execute function audit_log_append_only();
create trigger audit_tree_heads_append_only before update or delete on audit_tree_heads
    for each row execute function audit_log_append_only();
