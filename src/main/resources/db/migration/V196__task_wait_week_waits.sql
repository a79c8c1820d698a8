-- The 管理看板's waits of closed weeks (docs/adr/0013, amended for issue 13's province scale): counted by
-- insight.bottlenecks.ClosedWeeks together with task_wait_week, in the same transaction and under the same mark
-- in task_wait_week_closed, and deleted with them when the week is reopened. A histogram is written by
-- WaitHistogram.encode: "bucket:count" pairs, buckets as fine as the page shows a wait, then '|' and the longest.
--
-- Per step, for every scope that can read it: one row per week x path x step, where the path is each ancestor of
-- the routed organisation's path and that path itself ('/', '/1/', '/1/5/', '/1/5/23/'), so that a reader's scope
-- finds its whole step by equality instead of summing its organisations.
CREATE TABLE task_wait_week_step (
    week        DATE         NOT NULL,
    scope_path  VARCHAR(200) NOT NULL,
    process_key VARCHAR(255) NOT NULL,
    task_key    VARCHAR(255) NOT NULL,
    step_name   VARCHAR(255) NULL,
    waits       TEXT         NOT NULL,
    returned    BIGINT       NOT NULL,
    decided     BIGINT       NOT NULL,
    PRIMARY KEY (week, scope_path, process_key, task_key)
);
-- Per organisation the tasks were routed to, all steps together.
CREATE TABLE task_wait_week_organisation (
    week              DATE         NOT NULL,
    organisation_id   BIGINT       NOT NULL,
    organisation_path VARCHAR(200) NOT NULL,
    waits             TEXT         NOT NULL,
    PRIMARY KEY (week, organisation_id)
);
CREATE INDEX ix_task_wait_week_organisation_path ON task_wait_week_organisation (week, organisation_path);
-- Weeks closed before this migration have no waits: reopen them, so that the next reader closes them again.
DELETE FROM task_wait_week;
DELETE FROM task_wait_week_closed;
