-- The SELECT behind GET /api/v1/officials/{id}: one official by primary key (a random one of the same ids).
\set n random(1, :ids)
SELECT o.* FROM officials o WHERE o.id = (SELECT b.id FROM bench_official_ids b WHERE b.n = :n);
