-- Which step an open cycle verification is at is read from its process now (CaseProgress); the
-- record keeps only that it is open, or how it ended.
UPDATE cycle_verification SET status = 'OPEN'
 WHERE status IN ('COUNTY_RECHECK', 'CITY_CONFIRMATION', 'PROVINCE_FILING', 'RETURNED', 'ISSUING');
