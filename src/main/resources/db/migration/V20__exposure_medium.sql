-- A public exposure is written, or an exposé feature (暗访专题片) compiled from covert evidence; other notices have
-- no medium.
alter table supervision_notices add column medium varchar(16);
update supervision_notices set medium = 'WRITTEN' where type = 'PUBLIC_EXPOSURE';
alter table supervision_notices add constraint ck_notices_medium check (
    (type = 'PUBLIC_EXPOSURE' and medium in ('WRITTEN', 'VIDEO_FEATURE'))
    or (type <> 'PUBLIC_EXPOSURE' and medium is null));
