-- The history of every case of every procedure (R-40): who did what at which step, when, why.
CREATE TABLE case_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    process_key VARCHAR(64)   NOT NULL,
    case_id     VARCHAR(64)   NOT NULL,
    task_key    VARCHAR(100),
    step        VARCHAR(100)  NOT NULL,
    outcome     VARCHAR(20)   NOT NULL,
    comment     VARCHAR(1000),
    actor       VARCHAR(64)   NOT NULL,
    occurred_at TIMESTAMP     NOT NULL
);
CREATE INDEX ix_case_event_case ON case_event (process_key, case_id, id);
