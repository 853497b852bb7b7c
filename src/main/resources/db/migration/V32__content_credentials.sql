-- Whether a capture embeds a C2PA manifest (Content Credentials): its presence is reported with its provenance;
-- the manifest is kept with the file, not verified. Evidence before this migration was not looked at.
alter table evidence add column c2pa_manifest boolean not null default false;
