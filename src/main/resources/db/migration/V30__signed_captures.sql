-- Captures signed on the device. A field device registers the public key of a P-256 key pair its secure hardware
-- made (Android Keystore/StrongBox, the iOS Secure Enclave), bound to the subject that registered it; the commission
-- can revoke it. A capture then carries a signed statement (a JWS, ES256) over the file's SHA-256, the capture time,
-- the place and the evidence id, which the server judges when the bytes are complete.
create table capture_devices (
    id            uuid primary key,
    client_id     uuid          not null,
    subject       varchar(255)  not null,
    key_id        varchar(64)   not null,
    public_key    bytea         not null,
    attestation   jsonb,
    registered_at timestamptz   not null,
    revoked_at    timestamptz,
    revoked_by    varchar(255),
    revocation_reason varchar(2000),
    constraint uq_capture_devices_key unique (key_id),
    constraint ck_capture_devices_revoked check ((revoked_at is null) = (revoked_by is null))
);

create index ix_capture_devices_subject on capture_devices (subject, registered_at);

-- What the server found of a capture's provenance: VERIFIED (with the signed time and place), UNSIGNED, or INVALID
-- (with the reason); never silently dropped. Evidence before this migration was never signed.
alter table evidence
    add column provenance        varchar(16) not null default 'UNSIGNED',
    add column provenance_reason varchar(200),
    add column signed_captured_at timestamptz,
    add column signed_latitude    double precision,
    add column signed_longitude   double precision,
    add column device_key_id      varchar(64),
    add constraint ck_evidence_provenance check (provenance in ('VERIFIED', 'UNSIGNED', 'INVALID'));

alter table evidence alter column provenance drop default;

-- A resumable upload keeps the statement its creation carried, to judge it when the bytes are complete.
alter table uploads add column capture_statement varchar(4096);
