-- Evidence files (R-40; ADR 0007): diploma scans, certificates, sign-in sheets. Stored in the
-- database so that every node of a cluster sees every file and a file is written together with
-- its metadata or not at all. The content column differs per database (V111 in db/vendor/).
CREATE TABLE evidence_file (
    -- a random UUID, not a sequence: ids reveal nothing about other files
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    teacher_id   BIGINT       NOT NULL,
    -- the sanitised display name (base name only, no control characters, at most 100 characters)
    name         VARCHAR(100) NOT NULL,
    -- detected from the content: application/pdf, image/jpeg, image/png
    content_type VARCHAR(40)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_evidence_file_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
CREATE INDEX ix_evidence_file_teacher ON evidence_file (teacher_id, uploaded_at);
