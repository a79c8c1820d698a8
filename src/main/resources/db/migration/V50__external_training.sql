-- R-31 applications to attend training not organised by an education authority: the plan the
-- school consents to beforehand, the completion evidence, where the case stands. Who decided
-- what and when is in case_event (R-40).
CREATE TABLE external_training (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    teacher_id          BIGINT        NOT NULL,
    school_id           BIGINT        NOT NULL,
    applicant           VARCHAR(64)   NOT NULL,
    provider_id         BIGINT        NOT NULL,
    project_name        VARCHAR(200)  NOT NULL,
    start_date          DATE          NOT NULL,
    end_date            DATE          NOT NULL,
    place               VARCHAR(200)  NOT NULL,
    planned_content     VARCHAR(1000) NOT NULL,
    plan_file           VARCHAR(255)  NOT NULL,
    applied_on          DATE          NOT NULL,
    certificate_number  VARCHAR(64),
    certificate_kind    VARCHAR(40),
    stated_hours        DECIMAL(7, 2),
    stated_days         INT,
    certificate_file    VARCHAR(255),
    status              VARCHAR(30)   NOT NULL,
    school_group        VARCHAR(80)   NOT NULL,
    authority_group     VARCHAR(80)   NOT NULL,
    process_instance_id VARCHAR(64),
    ledger_entry_id     BIGINT,
    outcome_reason      VARCHAR(1000),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT fk_external_training_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_external_training_provider FOREIGN KEY (provider_id) REFERENCES training_provider (id)
);
CREATE INDEX ix_external_training_teacher ON external_training (teacher_id);
CREATE INDEX ix_external_training_certificate ON external_training (certificate_number);
