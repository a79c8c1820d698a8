-- The current completion result of each school (R-38, issue 13): figures kept per school, basis
-- and year, so that the first view of a county, city or province reads rows instead of computing
-- hundreds of schools from the ledger while the person waits (docs/insight.md, "Stored results").
--
-- A row is current only while all three of what it was computed from still hold: the date
-- (as_of: today for the current year, 31 December for a past one), the school's change count
-- (completion_change.generation, raised in the same transaction as every write of hours, a
-- transfer, a leaving post, a hire) and the published policy versions (the catalogue revision).
-- Anything else is recomputed, by the viewer or ahead of them by the pending-work job.
CREATE TABLE completion_change (
    school_id  BIGINT NOT NULL PRIMARY KEY,
    generation BIGINT NOT NULL,
    CONSTRAINT fk_completion_change_school FOREIGN KEY (school_id) REFERENCES organisation (id)
);

CREATE TABLE completion_current (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    school_id       BIGINT       NOT NULL,
    basis           VARCHAR(8)   NOT NULL,
    period_year     INT          NOT NULL,
    -- 31 December of period_year: the date a past year's figures are for.
    period_end      DATE         NOT NULL,
    as_of           DATE         NOT NULL,
    -- completion_change.generation of the school (0 while it has none) read before computing
    generation      BIGINT       NOT NULL,
    policy_revision BIGINT       NOT NULL,
    counted         INT          NOT NULL,
    met             INT          NOT NULL,
    short_count     INT          NOT NULL,
    exempt          INT          NOT NULL,
    not_counted     INT          NOT NULL,
    computed_at     TIMESTAMP(3) NOT NULL,
    -- one row per school, basis and year: two nodes computing a school at once write one row
    CONSTRAINT uk_completion_current UNIQUE (school_id, basis, period_year),
    CONSTRAINT fk_completion_current_school FOREIGN KEY (school_id) REFERENCES organisation (id),
    CONSTRAINT ck_completion_current_basis CHECK (basis IN ('YEAR', 'CYCLE'))
);
CREATE INDEX ix_completion_current_period ON completion_current (period_year, basis);
