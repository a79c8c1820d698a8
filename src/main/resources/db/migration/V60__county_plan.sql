-- R-32 county training plans filed with the city (Sanmenxia 五(一)), their projects (R-05) and,
-- after the training, each project's summary and participants, whose hours go to the ledger.
CREATE TABLE county_plan (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    county_id           BIGINT        NOT NULL,
    plan_year           INT           NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    filing_due          DATE          NOT NULL,
    filed_late          BOOLEAN       NOT NULL,
    submitted_by        VARCHAR(64)   NOT NULL,
    county_group        VARCHAR(80)   NOT NULL,
    city_group          VARCHAR(80)   NOT NULL,
    hr_bureau           VARCHAR(100),
    hr_receipt_number   VARCHAR(64),
    hr_filed_on         DATE,
    hr_recorded_by      VARCHAR(64),
    summary_text        VARCHAR(2000),
    summary_submitted_at TIMESTAMP,
    outcome_reason      VARCHAR(1000),
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT fk_county_plan_county FOREIGN KEY (county_id) REFERENCES organisation (id)
);
CREATE INDEX ix_county_plan_county_year ON county_plan (county_id, plan_year);

CREATE TABLE county_plan_project (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id               BIGINT        NOT NULL,
    seq                   INT           NOT NULL,
    name                  VARCHAR(200)  NOT NULL,
    training_mode         VARCHAR(20)   NOT NULL,
    stage                 VARCHAR(20)   NOT NULL,
    key_teacher           BOOLEAN       NOT NULL,
    headcount             INT           NOT NULL,
    course_schedule       VARCHAR(2000) NOT NULL,
    delivered_hours       DECIMAL(7, 2),
    training_start        DATE,
    training_end          DATE,
    sign_in_sheet         VARCHAR(255),
    CONSTRAINT fk_county_plan_project FOREIGN KEY (plan_id) REFERENCES county_plan (id)
);
CREATE INDEX ix_county_plan_project ON county_plan_project (plan_id, seq);

CREATE TABLE county_plan_participant (
    project_id      BIGINT        NOT NULL,
    list_index      INT           NOT NULL,
    teacher_id      BIGINT        NOT NULL,
    staff_number    VARCHAR(32)   NOT NULL,
    ledger_entry_id BIGINT,
    refusal         VARCHAR(1000),
    PRIMARY KEY (project_id, list_index),
    CONSTRAINT fk_county_plan_participant_project FOREIGN KEY (project_id) REFERENCES county_plan_project (id),
    CONSTRAINT fk_county_plan_participant_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
