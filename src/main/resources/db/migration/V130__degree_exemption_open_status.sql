-- Which step an open degree-exemption application is at is read from its process now
-- (CaseProgress); the record keeps only that it is open, or how it ended.
UPDATE degree_exemption SET status = 'OPEN'
 WHERE status IN ('SCHOOL_REVIEW', 'AUTHORITY_REVIEW', 'RETURNED', 'CREDITING');
