-- Organisation files (ADR 0007, "Organisation files"): a school's course design, a county's
-- sign-in sheets belong to the organisation, not to a teacher. Exactly one owner per file; who
-- may read an organisation file is whoever's scope covers that organisation. The teacher column
-- becomes nullable in V113 (the syntax differs per database, db/vendor/).
ALTER TABLE evidence_file ADD COLUMN organisation_id BIGINT NULL;
ALTER TABLE evidence_file ADD CONSTRAINT fk_evidence_file_organisation
    FOREIGN KEY (organisation_id) REFERENCES organisation (id);
CREATE INDEX ix_evidence_file_organisation ON evidence_file (organisation_id, uploaded_at);
