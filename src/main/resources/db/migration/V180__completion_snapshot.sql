-- Year-end completion snapshots (R-38, issue 13): each school's figures for a finished year,
-- its R-38 flag and its short teachers, as they stood when the snapshot was taken, so that a
-- later transfer (R-37) or a late credit does not rewrite a past year's flag. One row per school
-- and year: the unique key makes taking a snapshot idempotent and safe on several nodes at once.
CREATE TABLE completion_snapshot (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id     BIGINT      NOT NULL,
    snapshot_year INT         NOT NULL,
    -- The date the figures are for: the last day of the year.
    as_of         DATE        NOT NULL,
    counted       INT         NOT NULL,
    met           INT         NOT NULL,
    short_count   INT         NOT NULL,
    exempt        INT         NOT NULL,
    not_counted   INT         NOT NULL,
    -- 10% or more of the counted teachers short: 不具备评优资格 (Kunming 第十八条).
    flagged       BOOLEAN     NOT NULL,
    taken_at      TIMESTAMP   NOT NULL,
    taken_by      VARCHAR(64) NOT NULL,
    CONSTRAINT uk_completion_snapshot_school_year UNIQUE (school_id, snapshot_year),
    CONSTRAINT fk_completion_snapshot_school FOREIGN KEY (school_id) REFERENCES organisation (id)
);
CREATE INDEX ix_completion_snapshot_year ON completion_snapshot (snapshot_year, school_id);

-- The short teachers of a snapshot, one row per requirement missed, names as they were then.
CREATE TABLE completion_snapshot_shortfall (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    snapshot_id       BIGINT        NOT NULL,
    teacher_id        BIGINT        NOT NULL,
    staff_number      VARCHAR(32)   NOT NULL,
    teacher_name      VARCHAR(50)   NOT NULL,
    requirement_code  VARCHAR(40)   NOT NULL,
    requirement_label VARCHAR(200)  NOT NULL,
    rule_id           VARCHAR(16)   NULL,
    required_hours    DECIMAL(9,2)  NOT NULL,
    credited_hours    DECIMAL(9,2)  NOT NULL,
    missing_hours     DECIMAL(9,2)  NOT NULL,
    CONSTRAINT fk_completion_shortfall_snapshot FOREIGN KEY (snapshot_id) REFERENCES completion_snapshot (id),
    CONSTRAINT fk_completion_shortfall_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
CREATE INDEX ix_completion_shortfall_snapshot ON completion_snapshot_shortfall (snapshot_id, staff_number);
