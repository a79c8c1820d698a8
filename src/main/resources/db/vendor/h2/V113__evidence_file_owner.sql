-- An evidence file belongs to a teacher or to an organisation, never both nor neither (ADR 0007).
ALTER TABLE evidence_file ALTER COLUMN teacher_id SET NULL;
ALTER TABLE evidence_file ADD CONSTRAINT ck_evidence_file_owner
    CHECK ((teacher_id IS NULL AND organisation_id IS NOT NULL) OR (teacher_id IS NOT NULL AND organisation_id IS NULL));
