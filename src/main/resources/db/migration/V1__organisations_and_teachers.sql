-- Organisations (R-02): province -> city -> county/district -> school, one parent each.
-- Schools carry their stages, their kind and their registration authority (R-04) as data.
CREATE TABLE organisation (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                      VARCHAR(20)  NOT NULL,
    name                      VARCHAR(100) NOT NULL,
    level                     VARCHAR(16)  NOT NULL,
    parent_id                 BIGINT       NULL,
    -- '/1/5/23/': the ids from the province down to this organisation, for scope queries.
    path                      VARCHAR(200) NOT NULL,
    -- The policy profile code (e.g. henan-2016); null means "inherit from the parent".
    policy_profile            VARCHAR(32)  NULL,
    -- School-only columns.
    stages                    VARCHAR(120) NULL,
    school_kind               VARCHAR(20)  NULL,
    registration_authority_id BIGINT       NULL,
    CONSTRAINT uk_organisation_code UNIQUE (code),
    CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_id) REFERENCES organisation (id),
    CONSTRAINT fk_organisation_registration_authority FOREIGN KEY (registration_authority_id) REFERENCES organisation (id)
);
CREATE INDEX ix_organisation_parent ON organisation (parent_id);
CREATE INDEX ix_organisation_path ON organisation (path);

-- Teachers (R-01, R-11, R-37). A teacher without a qualification certificate number is on
-- file but not registrable.
CREATE TABLE teacher (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    staff_number              VARCHAR(32)  NOT NULL,
    name                      VARCHAR(50)  NOT NULL,
    gender                    VARCHAR(8)   NOT NULL,
    school_id                 BIGINT       NOT NULL,
    stage                     VARCHAR(20)  NOT NULL,
    subject                   VARCHAR(30)  NULL,
    qualification_cert_no     VARCHAR(40)  NULL,
    hire_date                 DATE         NOT NULL,
    -- Issue date of the last continuing-education certificate (R-08, per-teacher cycles).
    last_ce_certificate_on    DATE         NULL,
    principal_appointed_on    DATE         NULL,
    in_post                   BOOLEAN      NOT NULL,
    CONSTRAINT uk_teacher_staff_number UNIQUE (staff_number),
    CONSTRAINT fk_teacher_school FOREIGN KEY (school_id) REFERENCES organisation (id)
);
CREATE INDEX ix_teacher_school ON teacher (school_id);

-- Transfers between schools (R-37): the history is kept, hours follow the teacher.
CREATE TABLE teacher_transfer (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    teacher_id     BIGINT       NOT NULL,
    from_school_id BIGINT       NOT NULL,
    to_school_id   BIGINT       NOT NULL,
    effective_on   DATE         NOT NULL,
    recorded_at    TIMESTAMP    NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_transfer_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_transfer_from FOREIGN KEY (from_school_id) REFERENCES organisation (id),
    CONSTRAINT fk_transfer_to FOREIGN KEY (to_school_id) REFERENCES organisation (id)
);
CREATE INDEX ix_transfer_teacher ON teacher_transfer (teacher_id);
