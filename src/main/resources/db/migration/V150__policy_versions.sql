-- Policy profiles and their versions as data (ADR 0012 §1, replacing shixun.policy.profiles in
-- application.yml). A notice is a version of its region's profile: its own effective date, its
-- regions, and pinned decision tables, so that publishing a new version never rewrites a past period.
CREATE TABLE policy_profile (
    -- e.g. henan-2016; what organisation.policy_profile names
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL
);

CREATE TABLE policy_version (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    profile_code    VARCHAR(32)  NOT NULL,
    version         INT          NOT NULL,
    notice_title    VARCHAR(200) NOT NULL,
    issuing_body    VARCHAR(200) NULL,
    document_number VARCHAR(64)  NULL,
    -- A version is in force from this date until a higher version's effective_from (ADR 0002);
    -- effective_to is the end the notice names, shown, not enforced.
    effective_from  DATE         NOT NULL,
    effective_to    DATE         NULL,
    -- Only PUBLISHED versions are evaluated; a published version is never edited (make a new one).
    state           VARCHAR(16)  NOT NULL,
    publication_id  BIGINT       NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_policy_version UNIQUE (profile_code, version),
    CONSTRAINT fk_policy_version_profile FOREIGN KEY (profile_code) REFERENCES policy_profile (code),
    CONSTRAINT ck_policy_version_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'WITHDRAWN'))
);

-- The regions a notice names (division codes). Which profile a school runs stays the organisation
-- tree's answer (organisation.policy_profile); these are the notice's words, checked against it.
CREATE TABLE policy_version_region (
    policy_version_id BIGINT      NOT NULL,
    organisation_code VARCHAR(20) NOT NULL,
    PRIMARY KEY (policy_version_id, organisation_code),
    CONSTRAINT fk_policy_version_region_version FOREIGN KEY (policy_version_id) REFERENCES policy_version (id)
);

-- The pins: which deployed version of each decision table a policy version evaluates. Filled at
-- start-up by policy.PolicyVersionPins for a published version without one (SQL cannot see the engine).
CREATE TABLE policy_version_decision (
    policy_version_id      BIGINT      NOT NULL,
    decision_key           VARCHAR(64) NOT NULL,
    decision_definition_id VARCHAR(64) NOT NULL,
    decision_version       INT         NOT NULL,
    PRIMARY KEY (policy_version_id, decision_key),
    CONSTRAINT fk_policy_version_decision_version FOREIGN KEY (policy_version_id) REFERENCES policy_version (id)
);

-- One row: bumped by every change to the published versions or their pins, so that each node
-- reloads its in-memory catalogue (policy.PolicyProfiles) when it sees a new revision.
CREATE TABLE policy_catalogue (
    id       INT    NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO policy_catalogue (id, revision) VALUES (1, 1);

-- Ledger entries per profile version (the console's counts), and whether a profile has entries
-- dated on or after a proposed effective date.
CREATE INDEX ix_ledger_profile_date ON ledger_entry (profile_code, profile_version, entry_date);

-- The three versions that application.yml named before (code, version, effective date, title);
-- issuing body and document number where the notices state them (seeds 000, 003, 004).
INSERT INTO policy_profile (code, name, created_at) VALUES ('henan-2016', '河南省', CURRENT_TIMESTAMP);
INSERT INTO policy_profile (code, name, created_at) VALUES ('kunming-2015', '昆明市', CURRENT_TIMESTAMP);
INSERT INTO policy_profile (code, name, created_at) VALUES ('sanmenxia-2023', '三门峡市', CURRENT_TIMESTAMP);

INSERT INTO policy_version (profile_code, version, notice_title, issuing_body, document_number, effective_from,
                            effective_to, state, created_by, created_at)
VALUES ('henan-2016', 1, '河南省中小学教师继续教育学时登记管理暂行意见（教师〔2016〕724号）', '河南省教育厅',
        '教师〔2016〕724号', DATE '2016-01-01', NULL, 'PUBLISHED', 'V150', CURRENT_TIMESTAMP);
INSERT INTO policy_version (profile_code, version, notice_title, issuing_body, document_number, effective_from,
                            effective_to, state, created_by, created_at)
VALUES ('kunming-2015', 1, '昆明市中小学教师培训学时登记管理办法（试行）', '昆明市教育局',
        NULL, DATE '2015-02-01', NULL, 'PUBLISHED', 'V150', CURRENT_TIMESTAMP);
INSERT INTO policy_version (profile_code, version, notice_title, issuing_body, document_number, effective_from,
                            effective_to, state, created_by, created_at)
VALUES ('sanmenxia-2023', 1, '三门峡市（2023-2025年）基础教育教师继续教育工作实施方案',
        '三门峡市教育局、三门峡市人力资源和社会保障局', NULL, DATE '2023-01-01', DATE '2025-12-31', 'PUBLISHED', 'V150',
        CURRENT_TIMESTAMP);

INSERT INTO policy_version_region (policy_version_id, organisation_code)
SELECT id, '410000' FROM policy_version WHERE profile_code = 'henan-2016' AND version = 1;
INSERT INTO policy_version_region (policy_version_id, organisation_code)
SELECT id, '530100' FROM policy_version WHERE profile_code = 'kunming-2015' AND version = 1;
INSERT INTO policy_version_region (policy_version_id, organisation_code)
SELECT id, '411200' FROM policy_version WHERE profile_code = 'sanmenxia-2023' AND version = 1;
