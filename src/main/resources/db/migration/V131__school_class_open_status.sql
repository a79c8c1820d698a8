-- Which step an open school-based class is at is read from its process now (CaseProgress); the
-- record keeps only that it is open, or how it ended.
UPDATE school_class SET status = 'OPEN' WHERE status NOT IN ('CREDITED', 'REJECTED');
