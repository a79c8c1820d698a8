-- R-34 five-year cycle verification: a school's declaration batch, one verification per teacher
-- and cycle (its case history is in case_event), and the registration certificate (R-36).
CREATE TABLE cycle_verification_batch (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id    BIGINT        NOT NULL,
    period_from  DATE          NOT NULL,
    period_to    DATE          NOT NULL,
    request_id   VARCHAR(64),
    declared_by  VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    CONSTRAINT fk_cv_batch_school FOREIGN KEY (school_id) REFERENCES organisation (id),
    CONSTRAINT uq_cv_batch_request UNIQUE (school_id, request_id)
);

CREATE TABLE cycle_verification (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id            BIGINT        NOT NULL,
    teacher_id          BIGINT        NOT NULL,
    school_id           BIGINT        NOT NULL,
    profile_code        VARCHAR(40)   NOT NULL,
    cycle_start         DATE          NOT NULL,
    cycle_end           DATE          NOT NULL,
    total_hours         DECIMAL(9,2)  NOT NULL,
    school_based_hours  DECIMAL(9,2)  NOT NULL,
    hours_met           BOOLEAN       NOT NULL,
    missing             VARCHAR(1000),
    status              VARCHAR(30)   NOT NULL,
    county_recheck      BOOLEAN       NOT NULL,
    school_group        VARCHAR(80)   NOT NULL,
    county_group        VARCHAR(80),
    city_group          VARCHAR(80)   NOT NULL,
    province_group      VARCHAR(80)   NOT NULL,
    process_instance_id VARCHAR(64),
    note                VARCHAR(1000),
    outcome_reason      VARCHAR(1000),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT fk_cv_batch FOREIGN KEY (batch_id) REFERENCES cycle_verification_batch (id),
    CONSTRAINT fk_cv_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
CREATE INDEX ix_cv_teacher_cycle ON cycle_verification (teacher_id, cycle_end);
CREATE INDEX ix_cv_batch ON cycle_verification (batch_id, id);

CREATE TABLE ce_certificate (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    number              VARCHAR(40)   NOT NULL,
    check_code          VARCHAR(16)   NOT NULL,
    verification_id     BIGINT        NOT NULL,
    teacher_id          BIGINT        NOT NULL,
    teacher_name        VARCHAR(100)  NOT NULL,
    school_id           BIGINT        NOT NULL,
    school_name         VARCHAR(200)  NOT NULL,
    profile_code        VARCHAR(40)   NOT NULL,
    cycle_start         DATE          NOT NULL,
    cycle_end           DATE          NOT NULL,
    total_hours         DECIMAL(9,2)  NOT NULL,
    school_based_hours  DECIMAL(9,2)  NOT NULL,
    issued_on           DATE          NOT NULL,
    valid_until         DATE          NOT NULL,
    issued_at           TIMESTAMP     NOT NULL,
    CONSTRAINT uq_ce_certificate_number UNIQUE (number),
    CONSTRAINT uq_ce_certificate_verification UNIQUE (verification_id),
    CONSTRAINT fk_ce_certificate_verification FOREIGN KEY (verification_id) REFERENCES cycle_verification (id),
    CONSTRAINT fk_ce_certificate_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
CREATE INDEX ix_ce_certificate_teacher ON ce_certificate (teacher_id);
