-- Migrations of running cases from one version of a procedure to another (processowner.migration,
-- ADR 0012 §2 "Migration of running cases"): the plan as it was shown and executed (JSON: each step's
-- source → target, and the steps whose cases stayed on their version), how many cases were selected,
-- and the engine's batch that moves them. The batch's progress is the engine's; state says whether the
-- console saw it end (the engine deletes a finished batch, its history keeps the end).
CREATE TABLE case_migration (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    process_key          VARCHAR(64)  NOT NULL,
    source_definition_id VARCHAR(64)  NOT NULL,
    target_definition_id VARCHAR(64)  NOT NULL,
    plan                 LONGTEXT     NOT NULL,
    case_count           INT          NOT NULL,
    batch_id             VARCHAR(64)  NOT NULL,
    started_by           VARCHAR(64)  NOT NULL,
    started_at           TIMESTAMP(3) NOT NULL,
    state                VARCHAR(16)  NOT NULL,
    finished_at          TIMESTAMP(3) NULL,
    CONSTRAINT ck_case_migration_state CHECK (state IN ('RUNNING', 'COMPLETED'))
);
CREATE INDEX ix_case_migration_key ON case_migration (process_key, started_at);
