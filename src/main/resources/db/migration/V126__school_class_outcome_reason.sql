-- A school-based class keeps why it was rejected, as every other case record does (tasks.CaseLifecycle).
ALTER TABLE school_class ADD outcome_reason VARCHAR(1000);
