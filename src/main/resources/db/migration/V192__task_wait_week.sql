-- The 管理看板's weekly throughput of closed weeks (docs/adr/0013): per week x procedure x step x organisation
-- path, the cases started (first tasks created) and the reviews approved, returned and rejected (tasks ended),
-- counted from task_wait by insight.bottlenecks.ClosedWeeks once a week is over. A week's rows exist exactly
-- while its mark in task_wait_week_closed does: both are written in one transaction, and whatever writes a
-- task_wait row of a closed week (a back-dated engine clock, the V191 backfill, a late routing or migration)
-- deletes both in its own transaction, so that the next reader counts the week again.
CREATE TABLE task_wait_week_closed (
    week      DATE      NOT NULL PRIMARY KEY,
    closed_at TIMESTAMP NOT NULL
);
CREATE TABLE task_wait_week (
    week              DATE         NOT NULL,
    organisation_path VARCHAR(200) NOT NULL,
    process_key       VARCHAR(255) NOT NULL,
    task_key          VARCHAR(255) NOT NULL,
    started           BIGINT       NOT NULL,
    approved          BIGINT       NOT NULL,
    returned          BIGINT       NOT NULL,
    rejected          BIGINT       NOT NULL,
    PRIMARY KEY (week, organisation_path, process_key, task_key)
);
