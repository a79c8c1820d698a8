-- R-33 annual registration: one registration per teacher and year, its card (the year's ledger
-- entries with their evidence, one version per submission), the registered result, and the
-- school batches that declare a whole school at once.
CREATE TABLE annual_batch (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id    BIGINT       NOT NULL,
    reg_year     INT          NOT NULL,
    declared_by  VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    finished_at  TIMESTAMP,
    CONSTRAINT uk_annual_batch UNIQUE (school_id, reg_year)
);

CREATE TABLE annual_registration (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    teacher_id           BIGINT        NOT NULL,
    school_id            BIGINT        NOT NULL,
    reg_year             INT           NOT NULL,
    profile_code         VARCHAR(40)   NOT NULL,
    promotion_candidate  BOOLEAN       NOT NULL,
    batch_id             BIGINT,
    applicant            VARCHAR(64),
    submitted_by         VARCHAR(64)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    -- "teacherId:year" while the registration is open or done, NULL once rejected or refused:
    -- at most one live registration per teacher and year, on every database.
    live_key             VARCHAR(40),
    card_version         INT           NOT NULL,
    school_group         VARCHAR(80)   NOT NULL,
    authority_group      VARCHAR(80)   NOT NULL,
    process_instance_id  VARCHAR(64),
    result_met           BOOLEAN,
    result_year_total    DECIMAL(8, 2),
    result_as_of         DATE,
    outcome_reason       VARCHAR(1000),
    created_at           TIMESTAMP     NOT NULL,
    updated_at           TIMESTAMP     NOT NULL,
    published_at         TIMESTAMP,
    CONSTRAINT uk_annual_registration_live UNIQUE (live_key),
    CONSTRAINT fk_annual_registration_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_annual_registration_batch FOREIGN KEY (batch_id) REFERENCES annual_batch (id)
);
CREATE INDEX ix_annual_registration_teacher ON annual_registration (teacher_id, reg_year);
CREATE INDEX ix_annual_registration_batch ON annual_registration (batch_id, status);

CREATE TABLE annual_batch_item (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id         BIGINT        NOT NULL,
    teacher_id       BIGINT        NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    registration_id  BIGINT,
    reason           VARCHAR(1000),
    CONSTRAINT uk_annual_batch_item UNIQUE (batch_id, teacher_id),
    CONSTRAINT fk_annual_batch_item FOREIGN KEY (batch_id) REFERENCES annual_batch (id)
);

CREATE TABLE annual_card_item (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    registration_id   BIGINT         NOT NULL,
    card_version      INT            NOT NULL,
    ledger_entry_id   BIGINT         NOT NULL,
    entry_date        DATE           NOT NULL,
    title             VARCHAR(200)   NOT NULL,
    category          VARCHAR(30)    NOT NULL,
    hours             DECIMAL(8, 2)  NOT NULL,
    source_type       VARCHAR(20)    NOT NULL,
    evidence_number   VARCHAR(64),
    evidence_files    VARCHAR(2000),
    attached_files    VARCHAR(2000),
    evidence_complete BOOLEAN        NOT NULL,
    CONSTRAINT fk_annual_card_item FOREIGN KEY (registration_id) REFERENCES annual_registration (id)
);
CREATE INDEX ix_annual_card_item ON annual_card_item (registration_id, card_version);

CREATE TABLE annual_result_line (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    registration_id  BIGINT         NOT NULL,
    code             VARCHAR(40)    NOT NULL,
    label            VARCHAR(200)   NOT NULL,
    rule_id          VARCHAR(10),
    category         VARCHAR(30),
    period           VARCHAR(30)    NOT NULL,
    required_hours   DECIMAL(8, 2)  NOT NULL,
    credited_hours   DECIMAL(8, 2)  NOT NULL,
    missing_hours    DECIMAL(8, 2)  NOT NULL,
    met              BOOLEAN        NOT NULL,
    CONSTRAINT fk_annual_result_line FOREIGN KEY (registration_id) REFERENCES annual_registration (id)
);
CREATE INDEX ix_annual_result_line ON annual_result_line (registration_id);
