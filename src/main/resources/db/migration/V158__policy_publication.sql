-- Publications of draft policy versions (processowner.publication, ADR 0012 §2 "Publication"): a
-- process owner submits, a second one approves or rejects; only an approval by another owner than the
-- submitter deploys the version's tables. draft_checksum is what was submitted: a draft changed since
-- is never deployed on that approval.
CREATE TABLE policy_publication (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    policy_version_id BIGINT       NOT NULL,
    draft_checksum    CHAR(64)     NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    submitted_by      VARCHAR(64)  NOT NULL,
    submitted_at      TIMESTAMP(3) NOT NULL,
    decided_by        VARCHAR(64)  NULL,
    decided_at        TIMESTAMP(3) NULL,
    decision_comment  VARCHAR(500) NULL,
    deployment_id     VARCHAR(64)  NULL,
    CONSTRAINT fk_policy_publication_version FOREIGN KEY (policy_version_id) REFERENCES policy_version (id),
    CONSTRAINT ck_policy_publication_state CHECK (state IN ('SUBMITTED', 'APPROVED', 'REJECTED'))
);
CREATE INDEX ix_policy_publication_version ON policy_publication (policy_version_id, state);
