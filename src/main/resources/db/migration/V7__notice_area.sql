-- The area of responsibility an admonition talk is about: with it, the talk summons the principal and the deputy in
-- charge of that area only.
alter table supervision_notices add column area varchar(200);
