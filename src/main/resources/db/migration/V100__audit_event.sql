-- The audit trail (R-40): who did what, when, from where, to which record, and whether it was
-- allowed. Append-only: the application has no update or delete path, and V101 (per database,
-- db/vendor/) makes the database refuse UPDATE and DELETE on this table as well.
CREATE TABLE audit_event (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at       TIMESTAMP(3)  NOT NULL,
    -- The username (as typed, for a failed sign-in), or "system" for the engine's jobs.
    actor             VARCHAR(64)   NOT NULL,
    actor_role        VARCHAR(24)   NULL,
    client_ip         VARCHAR(45)   NULL,
    user_agent        VARCHAR(255)  NULL,
    -- e.g. ledger.register, teacher.transfer, auth.sign-in, access.denied
    action            VARCHAR(64)   NOT NULL,
    subject_type      VARCHAR(40)   NULL,
    subject_id        VARCHAR(255)  NULL,
    -- The organisation the line is about and its path in the tree when it was written: a
    -- manager reads the lines whose path starts with their own organisation's path.
    organisation_id   BIGINT        NULL,
    organisation_path VARCHAR(255)  NULL,
    detail            VARCHAR(1000) NULL,
    -- SUCCESS, DENIED (401/403) or FAILED (a failed sign-in)
    outcome           VARCHAR(16)   NOT NULL
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_scope_time ON audit_event (organisation_path, occurred_at);
CREATE INDEX ix_audit_event_actor_time ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_subject ON audit_event (subject_type, subject_id);
