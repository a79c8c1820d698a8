-- The content of an evidence file (ADR 0007). MEDIUMBLOB holds up to 16 MB (a plain BLOB only
-- 64 KB), above the 5 MB upload limit; a row must also fit max_allowed_packet (16 MB by default
-- in MariaDB 10.2+, 64 MB in MySQL 8).
ALTER TABLE evidence_file ADD COLUMN content MEDIUMBLOB NOT NULL;
