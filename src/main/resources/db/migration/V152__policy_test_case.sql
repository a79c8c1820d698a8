-- Policy test cases (issue 12): per profile, example teachers with their credited hours and the
-- standing the notice gives them on a date. A draft decision table is run against them beside the
-- version in force. The teacher, entries and expectation are small JSON documents
-- (processowner.testcases.PolicyTestCase); seed_key names a case imported from
-- src/main/resources/policy/test-cases/, so that a restart never imports it twice.
CREATE TABLE policy_test_case (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    profile_code  VARCHAR(64)   NOT NULL,
    seed_key      VARCHAR(100)  NULL,
    name          VARCHAR(200)  NOT NULL,
    as_of         DATE          NOT NULL,
    teacher       VARCHAR(1000) NOT NULL,
    entries       VARCHAR(4000) NOT NULL,
    expected      VARCHAR(2000) NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    updated_at    TIMESTAMP(3)  NOT NULL,
    lock_version  INT           NOT NULL,
    CONSTRAINT uq_policy_test_case_seed UNIQUE (seed_key)
);
CREATE INDEX ix_policy_test_case_profile ON policy_test_case (profile_code);
