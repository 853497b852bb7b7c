-- The area of responsibility (e.g. 城建) where a violation arose: with it, 一案双查 pursues only the deputy in
-- charge of that area, beside the principal.
alter table accountability_cases add column area varchar(200);
