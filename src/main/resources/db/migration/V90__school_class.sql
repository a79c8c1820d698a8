-- R-35 school-based classes: the course, its class, the learners and their grades (R-14).
CREATE TABLE school_class (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    version             BIGINT        NOT NULL,
    school_id           BIGINT        NOT NULL,
    proposed_by         VARCHAR(64)   NOT NULL,
    school_group        VARCHAR(80)   NOT NULL,
    authority_group     VARCHAR(80)   NOT NULL,
    course_name         VARCHAR(200)  NOT NULL,
    course_type         VARCHAR(30)   NOT NULL,
    designed_hours      DECIMAL(6,1)  NOT NULL,
    outline             VARCHAR(2000) NOT NULL,
    design_file         VARCHAR(255)  NOT NULL,
    class_name          VARCHAR(200),
    organiser           VARCHAR(200),
    address             VARCHAR(200),
    lecturer            VARCHAR(100),
    head_teacher        VARCHAR(100),
    head_teacher_phone  VARCHAR(20),
    enrolment_start     DATE,
    enrolment_end       DATE,
    study_start         DATE,
    study_end           DATE,
    headcount           INT,
    class_time          VARCHAR(200),
    status              VARCHAR(30)   NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT fk_school_class_school FOREIGN KEY (school_id) REFERENCES organisation (id)
);
CREATE INDEX ix_school_class_school ON school_class (school_id);

CREATE TABLE school_class_learner (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    class_id        BIGINT        NOT NULL,
    teacher_id      BIGINT        NOT NULL,
    grade           VARCHAR(20),
    ledger_entry_id BIGINT,
    credit_refusal  VARCHAR(1000),
    CONSTRAINT fk_school_class_learner_class FOREIGN KEY (class_id) REFERENCES school_class (id),
    CONSTRAINT fk_school_class_learner_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT uq_school_class_learner UNIQUE (class_id, teacher_id)
);
