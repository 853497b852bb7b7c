-- The content-addressed store's own record of what it keeps. A row is written (and committed) before an upload moves
-- its bytes into place, and every evidence row references one, so the store never holds bytes that no row accounts
-- for, and bytes that a record references can never be removed: only the background sweeper removes content, and
-- only content no evidence has referenced since it was last claimed, long enough ago for no upload to be in flight.
create table evidence_blobs (
    sha256     varchar(64) primary key,
    size       bigint      not null,
    claimed_at timestamptz not null,
    constraint ck_evidence_blobs_sha256 check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint ck_evidence_blobs_size check (size >= 0)
);

insert into evidence_blobs (sha256, size, claimed_at)
select sha256, max(size), max(created_at) from evidence group by sha256;

alter table evidence add constraint fk_evidence_blob foreign key (sha256) references evidence_blobs (sha256);

create index ix_evidence_blobs_claimed on evidence_blobs (claimed_at);
