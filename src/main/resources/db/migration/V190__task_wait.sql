-- The 管理看板's read model (docs/adr/0013): one row per user task instance of a process, written
-- by insight.bottlenecks.TaskWaitHistory from the engine's history events as the task is created,
-- routed, escalated, migrated and ended, and backfilled from the engine's history (V191).
CREATE TABLE task_wait (
    task_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    process_key         VARCHAR(255) NOT NULL,
    case_id             VARCHAR(255) NULL,
    task_key            VARCHAR(255) NOT NULL,
    step_name           VARCHAR(255) NULL,
    -- SCHOOL, COUNTY, CITY, PROVINCE (the level of the organisation the task is routed to), APPLICANT
    -- (assigned to the applicant; organisation: the step's before it), NONE (not routed yet / to no organisation).
    level               VARCHAR(16)  NOT NULL,
    organisation_id     BIGINT       NULL,
    -- The routed organisation's path ('/1/5/23/', organisation.path), '/' while none: the scope queries.
    organisation_path   VARCHAR(200) NOT NULL,
    -- The first task of its process instance: a case started (the throughput's "started").
    first_of_case       BOOLEAN      NOT NULL,
    created_at          TIMESTAMP    NOT NULL,
    -- Monday of the Beijing week of created_at / ended_at, for the weekly counts.
    created_week        DATE         NOT NULL,
    due_at              TIMESTAMP    NULL,
    ended_at            TIMESTAMP    NULL,
    ended_week          DATE         NULL,
    wait_seconds        BIGINT       NULL,
    -- APPROVED, RETURNED, REJECTED (a review's decision), SUBMITTED (a submission), CANCELLED (deleted by
    -- a cancellation, a boundary event, a migration that removed it); null while open.
    outcome             VARCHAR(16)  NULL,
    -- Offered to the next level's reviewers after its due date (tasks.CaseDeadlines).
    escalated           BOOLEAN      NOT NULL
);
CREATE INDEX ix_task_wait_open ON task_wait (ended_at, organisation_path);
CREATE INDEX ix_task_wait_ended_week ON task_wait (ended_week, organisation_path);
CREATE INDEX ix_task_wait_created_week ON task_wait (created_week, organisation_path);
CREATE INDEX ix_task_wait_instance ON task_wait (process_instance_id, created_at);
