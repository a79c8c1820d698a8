-- A batch's unstarted verifications are the queue that every node's worker takes from
-- (docs/adr/0008); one whose start failed keeps the reason and waits for the school to retry.
ALTER TABLE cycle_verification ADD COLUMN start_failure VARCHAR(1000);
CREATE INDEX ix_cv_unstarted ON cycle_verification (process_instance_id, batch_id);
