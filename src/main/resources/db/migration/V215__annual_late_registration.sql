-- The late path after the annual deadline (补报, issue 14): a card filed after the profile's submission date
-- keeps the reason given and the day it was filed; it is routed to the registration authority's review of the
-- late filing first (annualRegistration.bpmn, Gateway_LateSubmission reads these columns, never a variable).
-- A school's late declaration keeps the reason on each teacher's item, for the worker that starts it.
ALTER TABLE annual_registration ADD COLUMN late_reason VARCHAR(500);
ALTER TABLE annual_registration ADD COLUMN late_on DATE;
ALTER TABLE annual_batch_item ADD COLUMN late_reason VARCHAR(500);
