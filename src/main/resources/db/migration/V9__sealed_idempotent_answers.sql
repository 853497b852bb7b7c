-- Stored idempotent answers are sealed (AES-GCM under a key derived from ZUOFENG_SECRET) and requests kept as HMACs,
-- so that the table shows no personal data in clear; each answer lists the sensitive reads it showed, which a replay
-- records again. Answers stored before this release are in clear and unsealable: they are dropped (a retry of such a
-- request within its 24 hours runs again, under the resource's own rules for repeated creates).
delete from idempotency_keys;
alter table idempotency_keys add column disclosures text;
