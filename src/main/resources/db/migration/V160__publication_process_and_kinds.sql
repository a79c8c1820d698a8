-- The four-eyes publication as a process (ADR 0012 §2 "Publication", increment 5), and of a
-- procedure's BPMN model as well as of a policy version's tables: one publication table.
--   kind                 POLICY: a draft policy version (policy_version_id, its tables' drafts);
--                        BPMN: one BPMN model draft (model_draft_id) with its notice fields here
--   process_instance_id  the policyPublication case (business key = id); null for a publication
--                        submitted before this migration, whose case starts when it is decided
--   diff                 for BPMN, the element-level changes against the draft's base (JSON),
--                        stored at submission so that the history does not parse again
ALTER TABLE policy_publication ADD COLUMN kind VARCHAR(8) DEFAULT 'POLICY' NOT NULL;
ALTER TABLE policy_publication ADD COLUMN model_draft_id BIGINT NULL;
ALTER TABLE policy_publication ADD COLUMN notice_title VARCHAR(200) NULL;
ALTER TABLE policy_publication ADD COLUMN document_number VARCHAR(100) NULL;
ALTER TABLE policy_publication ADD COLUMN effective_from DATE NULL;
ALTER TABLE policy_publication ADD COLUMN process_instance_id VARCHAR(64) NULL;
ALTER TABLE policy_publication ADD COLUMN diff LONGTEXT NULL;
ALTER TABLE policy_publication ADD CONSTRAINT fk_policy_publication_draft FOREIGN KEY (model_draft_id) REFERENCES model_draft (id);
ALTER TABLE policy_publication ADD CONSTRAINT ck_policy_publication_kind CHECK (kind IN ('POLICY', 'BPMN'));
CREATE INDEX ix_policy_publication_draft ON policy_publication (model_draft_id, state);
