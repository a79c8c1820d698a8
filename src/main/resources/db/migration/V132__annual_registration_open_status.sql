-- Which step an open annual registration is at is read from its process now (CaseProgress); the
-- record keeps only that it is open, or how it ended (published, rejected, refused).
UPDATE annual_registration SET status = 'OPEN'
 WHERE status IN ('SCHOOL_REVIEW', 'RETURNED', 'AUTHORITY_REVIEW', 'REGISTERING');
