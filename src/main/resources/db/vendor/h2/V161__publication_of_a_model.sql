-- A BPMN publication names its model draft, not a policy version (V160): exactly one of the two.
ALTER TABLE policy_publication ALTER COLUMN policy_version_id SET NULL;
ALTER TABLE policy_publication ADD CONSTRAINT ck_policy_publication_subject
    CHECK ((kind = 'POLICY' AND policy_version_id IS NOT NULL AND model_draft_id IS NULL)
        OR (kind = 'BPMN' AND model_draft_id IS NOT NULL AND policy_version_id IS NULL));
