-- The attachments a reporter adds to a public report (photos, documents, recordings, videos), numbered from 1 per
-- report. The bytes are kept once by content in the evidence store (evidence_blobs); a row keeps their digest, size
-- and sniffed type, and the day they arrived: no file name (it can name the reporter), no time finer than the day.
create table report_attachments (
    id          uuid primary key,
    report_id   uuid         not null references public_reports (id),
    position    integer      not null,
    media_type  varchar(100) not null,
    size        bigint       not null,
    sha256      varchar(64)  not null,
    received_on date         not null,
    constraint uq_report_attachments_position unique (report_id, position),
    constraint ck_report_attachments_position check (position >= 1),
    constraint ck_report_attachments_size check (size >= 0),
    constraint ck_report_attachments_sha256 check (sha256 ~ '^[0-9a-f]{64}$')
);

-- The blob sweeper asks whether any attachment references a digest.
create index ix_report_attachments_sha256 on report_attachments (sha256);
