-- Requests to read a real-name reporter's identity (sealed in public_reports), each decided by a custodian, a person
-- other than the one who asks. Every request, decision and reading is also on the audit record.
create table identity_requests (
    id              uuid primary key,
    version         bigint        not null,
    clue_id         uuid          not null references clues (id),
    requested_by    varchar(255)  not null,
    reason          varchar(2000) not null,
    requested_at    timestamptz   not null,
    status          varchar(16)   not null,
    decided_by      varchar(255),
    decision_reason varchar(2000),
    decided_at      timestamptz,
    constraint ck_identity_requests_status check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    constraint ck_identity_requests_decided check ((status = 'PENDING') = (decided_by is null)),
    constraint ck_identity_requests_four_eyes check (decided_by is null or decided_by <> requested_by)
);

create index ix_identity_requests_requested on identity_requests (requested_at, id);
create index ix_identity_requests_clue on identity_requests (clue_id);
