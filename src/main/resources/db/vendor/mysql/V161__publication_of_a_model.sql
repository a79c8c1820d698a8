-- A BPMN publication names its model draft, not a policy version (V160): exactly one of the two.
-- MODIFY restates the column; CHECK is enforced by MariaDB 10.2+ and MySQL 8.0.16+.
ALTER TABLE policy_publication MODIFY policy_version_id BIGINT NULL;
ALTER TABLE policy_publication ADD CONSTRAINT ck_policy_publication_subject
    CHECK ((kind = 'POLICY' AND policy_version_id IS NOT NULL AND model_draft_id IS NULL)
        OR (kind = 'BPMN' AND model_draft_id IS NOT NULL AND policy_version_id IS NULL));
