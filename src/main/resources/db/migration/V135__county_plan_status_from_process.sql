-- Which step an open county plan is at is read from its process now (CaseProgress); the record
-- keeps that it is open or how it ended, and when it was filed (备案), which is a fact of its own:
-- a rejection before the filing means the year's plan was not filed, after it the summary was.
ALTER TABLE county_plan ADD COLUMN filed_at TIMESTAMP NULL;

UPDATE county_plan
   SET filed_at = (SELECT MIN(e.occurred_at) FROM case_event e
                    WHERE e.process_key = 'countyPlanFiling' AND e.case_id = CONCAT('', county_plan.id)
                      AND e.task_key = 'ServiceTask_FilePlan')
 WHERE status IN ('FILED', 'SUMMARY_AUDIT', 'SUMMARY_RETURNED', 'REGISTERING', 'REGISTERED', 'SUMMARY_REJECTED',
                  'REGISTRATION_REFUSED');

-- A filed plan without its history line (none is known): the HR filing's date is the nearest record.
UPDATE county_plan SET filed_at = hr_filed_on
 WHERE filed_at IS NULL
   AND status IN ('FILED', 'SUMMARY_AUDIT', 'SUMMARY_RETURNED', 'REGISTERING', 'REGISTERED', 'SUMMARY_REJECTED',
                  'REGISTRATION_REFUSED');

UPDATE county_plan SET status = 'OPEN'
 WHERE status IN ('CITY_REVIEW', 'RETURNED', 'HR_FILING', 'FILED', 'SUMMARY_AUDIT', 'SUMMARY_RETURNED', 'REGISTERING');
