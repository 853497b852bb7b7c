-- Evidence sealed at rest. Every file the service keeps (evidence and report attachments in the content store, the
-- pieces of resumable uploads, export files) is encrypted with a data key of its own (Tink's streaming AEAD,
-- AES256_GCM_HKDF_1MB); the data key is kept here, wrapped by the key encryption key (kek_id: the key of its keyset
-- that wrapped it), next to the row it belongs to. A rotation re-wraps these keys and rewrites no file.
alter table evidence_blobs
    add column key_ref      varchar(32),
    add column wrapped_key  bytea,
    add column kek_id       bigint,
    -- Content kept in clear by an earlier version, sealed by a background job; true until its clear file is gone.
    add column clear_left   boolean not null default false,
    -- Crypto-shredding: the wrapped key deleted when retention ends; the record and its digest stay.
    add column destroyed_at timestamptz,
    add constraint ck_evidence_blobs_key check (
        (key_ref is null) = (wrapped_key is null) and (wrapped_key is null) = (kek_id is null)),
    add constraint ck_evidence_blobs_destroyed check (destroyed_at is null or (wrapped_key is null and not clear_left));

-- What an earlier version kept, it kept in clear.
update evidence_blobs set clear_left = true;

create index ix_evidence_blobs_clear on evidence_blobs (sha256) where clear_left;
create index ix_evidence_blobs_kek on evidence_blobs (kek_id);

alter table uploads
    add column key_ref     varchar(32),
    add column wrapped_key bytea,
    add column kek_id      bigint,
    add constraint ck_uploads_key check (
        (key_ref is null) = (wrapped_key is null) and (wrapped_key is null) = (kek_id is null));

create index ix_uploads_kek on uploads (kek_id);

-- An export's file is sealed too; its length in clear is kept with it (none for files an earlier version wrote).
alter table export_jobs
    add column byte_count  bigint,
    add column key_ref     varchar(32),
    add column wrapped_key bytea,
    add column kek_id      bigint,
    add constraint ck_export_jobs_key check (
        (key_ref is null) = (wrapped_key is null) and (wrapped_key is null) = (kek_id is null));

create index ix_export_jobs_kek on export_jobs (kek_id);
