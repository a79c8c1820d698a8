-- R-30 degree-exemption applications and their decision history (R-40: who, what, when).
CREATE TABLE degree_exemption (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    teacher_id          BIGINT        NOT NULL,
    school_id           BIGINT        NOT NULL,
    applicant           VARCHAR(64)   NOT NULL,
    institution         VARCHAR(200)  NOT NULL,
    degree_level        VARCHAR(20)   NOT NULL,
    major               VARCHAR(100)  NOT NULL,
    education_related   BOOLEAN       NOT NULL,
    study_start         DATE          NOT NULL,
    study_end           DATE          NOT NULL,
    certificate_number  VARCHAR(64)   NOT NULL,
    diploma_file        VARCHAR(255)  NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    school_group        VARCHAR(80)   NOT NULL,
    authority_group     VARCHAR(80)   NOT NULL,
    process_instance_id VARCHAR(64),
    ledger_entry_id     BIGINT,
    outcome_reason      VARCHAR(1000),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT fk_degree_exemption_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id)
);
CREATE INDEX ix_degree_exemption_teacher ON degree_exemption (teacher_id);
CREATE INDEX ix_degree_exemption_certificate ON degree_exemption (certificate_number);

CREATE TABLE degree_exemption_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    exemption_id BIGINT        NOT NULL,
    step         VARCHAR(20)   NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    comment      VARCHAR(1000),
    actor        VARCHAR(64)   NOT NULL,
    occurred_at  TIMESTAMP     NOT NULL,
    CONSTRAINT fk_degree_exemption_event FOREIGN KEY (exemption_id) REFERENCES degree_exemption (id)
);
CREATE INDEX ix_degree_exemption_event ON degree_exemption_event (exemption_id, id);
