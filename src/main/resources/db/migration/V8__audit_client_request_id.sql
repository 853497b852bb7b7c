-- The audit log's request id is the server's own; what a client sent as X-Request-Id is kept beside it, so that a
-- caller can neither choose nor reuse the id under which its writes are recorded.
alter table audit_events add column client_request_id varchar(128);
