-- What a device holds is written 500 rows a page, and the foreign key to its client checked each row on its own
-- (a lock on the client's row for every held row): 2 of the 10 s that a new device's snapshot of 100,000 findings
-- took (deploy/bench, P7). The key goes; what it promised stays: held rows are deleted with their client, in the
-- statement that forgets the client, and a client is forgotten only while no request of its device runs (the
-- device's advisory lock, which every pull and push holds), so no request writes rows for a client just forgotten.
alter table sync_held drop constraint sync_held_client_id_fkey;

-- The index by generation served only the removals at a snapshot's end, which read the client's held rows in key
-- order anyway (the primary key) and stop at a page's worth; every held row paid for it (0.2 s of the same snapshot).
drop index ix_sync_held_generation;
