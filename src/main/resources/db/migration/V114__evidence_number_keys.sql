-- R-40: evidence and certificate numbers are compared by a normalised key (cn.shixun.ledger.EvidenceNumbers:
-- NFKC, upper case, invisible characters and spaces removed), so that 'ＡＢＣ-1', 'abc-1' and 'ABC\u200b-1'
-- are one certificate. The numbers stay as typed for display; V115 (Java: SQL has no NFKC) fills the
-- keys of existing rows and re-derives ledger_entry.evidence_key from them.
ALTER TABLE ledger_entry ADD COLUMN evidence_norm VARCHAR(200) NULL;
CREATE INDEX ix_ledger_teacher_evidence_norm ON ledger_entry (teacher_id, evidence_norm);
ALTER TABLE degree_exemption ADD COLUMN certificate_key VARCHAR(200) NULL;
CREATE INDEX ix_degree_exemption_certificate_key ON degree_exemption (certificate_key);
ALTER TABLE external_training ADD COLUMN certificate_key VARCHAR(200) NULL;
CREATE INDEX ix_external_training_certificate_key ON external_training (certificate_key);
