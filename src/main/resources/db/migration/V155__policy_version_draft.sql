-- The decision table drafts of a draft policy version (processowner.policies): "复制为新版本" copies
-- each of the four tables with the profile's rows for the next version, one model_draft each.
CREATE TABLE policy_version_draft (
    policy_version_id BIGINT      NOT NULL,
    decision_key      VARCHAR(64) NOT NULL,
    model_draft_id    BIGINT      NOT NULL,
    PRIMARY KEY (policy_version_id, decision_key),
    CONSTRAINT fk_policy_version_draft_version FOREIGN KEY (policy_version_id) REFERENCES policy_version (id),
    CONSTRAINT fk_policy_version_draft_model FOREIGN KEY (model_draft_id) REFERENCES model_draft (id)
);
