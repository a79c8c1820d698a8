-- The content of an evidence file (ADR 0007); H2's BLOB has no size limit of its own.
ALTER TABLE evidence_file ADD COLUMN content BLOB NOT NULL;
