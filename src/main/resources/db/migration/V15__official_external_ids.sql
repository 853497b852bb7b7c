-- The ids other systems give an official (the personnel system's, the case system's): one per system, and an id
-- names one official in its system.
create table official_external_ids (
    official_id uuid        not null references officials (id),
    system      varchar(32) not null,
    external_id varchar(64) not null,
    primary key (official_id, system),
    constraint uq_official_external_ids_system_id unique (system, external_id),
    constraint ck_official_external_ids_system check (system ~ '^[a-z][a-z0-9-]{0,31}$'),
    constraint ck_official_external_ids_id check (length(btrim(external_id)) between 1 and 64)
);
