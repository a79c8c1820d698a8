-- A process owner's drafts of a BPMN model or DMN table (ADR 0012 §2 "Drafts";
-- processowner.drafts). A draft deploys nothing: it is edited, validated and, in a later
-- increment, submitted for a four-eyes publication. content holds the XML (at most 2 MB, checked
-- by the service); LONGTEXT is MariaDB's 4 GB text, H2 reads it as CHARACTER VARYING of 10^9.
CREATE TABLE model_draft (
    id                 BIGINT       AUTO_INCREMENT PRIMARY KEY,
    kind               VARCHAR(8)   NOT NULL,
    -- the file the draft will be deployed as, e.g. degreeExemption.bpmn
    resource_name      VARCHAR(190) NOT NULL,
    -- the deployed process or decision definition the draft started from (null: imported, nothing deployed for its key)
    base_definition_id VARCHAR(64)  NULL,
    content            LONGTEXT     NOT NULL,
    -- SHA-256 of content (UTF-8), hex: tells a preview or a test run made on an older content
    checksum           CHAR(64)     NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP(3) NOT NULL,
    updated_by         VARCHAR(64)  NOT NULL,
    updated_at         TIMESTAMP(3) NOT NULL,
    -- raised by every save; a save names the version it edited (If-Match) and loses to a newer one
    lock_version       INT          NOT NULL,
    CONSTRAINT ck_model_draft_kind CHECK (kind IN ('BPMN', 'DMN')),
    CONSTRAINT ck_model_draft_state CHECK (state IN ('EDITING', 'SUBMITTED', 'PUBLISHED', 'DISCARDED'))
);
CREATE INDEX ix_model_draft_state ON model_draft (state, updated_at);

-- The forms deployed with a BPMN draft (formRef, binding deployment: a form must be in the model's
-- deployment), copied from the deployment of the definition the draft started from.
CREATE TABLE model_draft_form (
    draft_id  BIGINT       NOT NULL,
    form_name VARCHAR(190) NOT NULL,
    content   LONGTEXT     NOT NULL,
    PRIMARY KEY (draft_id, form_name),
    CONSTRAINT fk_model_draft_form_draft FOREIGN KEY (draft_id) REFERENCES model_draft (id)
);
