-- Which step an open external-training application is at is read from its process now
-- (CaseProgress); the record keeps only that it is open or how it ended, and when the school gave
-- its prior consent (R-31), which the statuses CONSENTED and after used to imply.
ALTER TABLE external_training ADD COLUMN consented_at TIMESTAMP NULL;

-- When the school consented is its approval of UserTask_SchoolConsent in the case history (R-40),
-- whichever status the application has now (a completion rejected later was still consented to).
UPDATE external_training SET consented_at = (
    SELECT MAX(e.occurred_at) FROM case_event e
     WHERE e.process_key = 'externalTrainingApproval'
       AND e.case_id = CONCAT('', external_training.id)
       AND e.task_key = 'UserTask_SchoolConsent'
       AND e.outcome = 'APPROVED')
 WHERE consented_at IS NULL;

-- A status past the consent with no such line in the history (none is expected): the last change
-- of the record, which is no earlier than the consent. Left empty, the next approval would be
-- taken for the consent and checked against the training's start.
UPDATE external_training SET consented_at = updated_at
 WHERE consented_at IS NULL
   AND status IN ('CONSENTED', 'COMPLETION_DUE', 'COMPLETION_REVIEW', 'COMPLETION_RETURNED', 'AUTHORITY_REVIEW',
                  'CREDITING', 'REGISTERED', 'PROVIDER_NOT_QUALIFIED', 'CREDIT_REFUSED');

UPDATE external_training SET status = 'OPEN'
 WHERE status IN ('CONSENT_REVIEW', 'APPLICATION_RETURNED', 'CONSENTED', 'COMPLETION_DUE', 'COMPLETION_REVIEW',
                  'COMPLETION_RETURNED', 'AUTHORITY_REVIEW', 'CREDITING');
