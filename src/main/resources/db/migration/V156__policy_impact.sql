-- Impact previews of draft policy versions (processowner.impact): how many teachers' standing on the
-- draft's effective date the draft would change, with a sample. A preview is worked through school by
-- school by whichever node's pending-work worker takes it (docs/adr/0008), and resumes where it stopped.
CREATE TABLE policy_impact (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    policy_version_id BIGINT        NOT NULL,
    profile_code      VARCHAR(32)   NOT NULL,
    as_of             DATE          NOT NULL,
    -- the draft tables' checksums the preview was made on: a later save makes it stale
    draft_checksum    CHAR(64)      NOT NULL,
    state             VARCHAR(16)   NOT NULL,
    schools_total     INT           NOT NULL,
    schools_done      INT           NOT NULL,
    last_school_id    BIGINT        NULL,
    checked           INT           NOT NULL,
    changed           INT           NOT NULL,
    -- up to 20 changed teachers (JSON: teacher, school, before, after)
    sample            VARCHAR(8000) NOT NULL,
    failure           VARCHAR(500)  NULL,
    started_by        VARCHAR(64)   NOT NULL,
    started_at        TIMESTAMP(3)  NOT NULL,
    finished_at       TIMESTAMP(3)  NULL,
    CONSTRAINT fk_policy_impact_version FOREIGN KEY (policy_version_id) REFERENCES policy_version (id),
    CONSTRAINT ck_policy_impact_state CHECK (state IN ('RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ix_policy_impact_state ON policy_impact (state);
