-- The hour ledger (R-36, R-40, R-41). Append-only: a correction is a new row that reverses
-- an old one (negative hours, reverses_entry_id set), optionally followed by a replacement.
-- Sums over a teacher's rows are therefore always the net credited hours.
CREATE TABLE ledger_entry (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    teacher_id        BIGINT        NOT NULL,
    -- The date the hours were earned (completion date) and its calendar year.
    entry_date        DATE          NOT NULL,
    entry_year        INT           NOT NULL,
    category          VARCHAR(24)   NOT NULL,
    -- The kind of claim (cn.shixun.policy.ClaimKind) or LEGACY for imported hours.
    claim_kind        VARCHAR(32)   NOT NULL,
    hours             DECIMAL(7,2)  NOT NULL,
    -- Study years, subjects, sessions... (negative on a reversal); used by unit limits (R-15).
    units             INT           NOT NULL,
    title             VARCHAR(200)  NULL,
    -- PROJECT, APPLICATION, IMPORT or CORRECTION, and the id/number of that source.
    source_type       VARCHAR(16)   NOT NULL,
    source_ref        VARCHAR(64)   NULL,
    -- The certificate / proof number as written on it, and the file references (one per line).
    evidence_number   VARCHAR(64)   NULL,
    -- evidence_number made unique per teacher: the same evidence twice is refused (R-40).
    -- Null on reversals; a re-registration after a reversal gets a suffix (#2, #3...).
    evidence_key      VARCHAR(80)   NULL,
    evidence_files    VARCHAR(2000) NULL,
    decided_by        VARCHAR(64)   NOT NULL,
    decided_at        TIMESTAMP     NOT NULL,
    rule_ids          VARCHAR(100)  NULL,
    profile_code      VARCHAR(32)   NULL,
    profile_version   INT           NULL,
    decision_key      VARCHAR(64)   NULL,
    decision_version  INT           NULL,
    reverses_entry_id BIGINT        NULL,
    explanation       VARCHAR(1000) NULL,
    CONSTRAINT uk_ledger_teacher_evidence UNIQUE (teacher_id, evidence_key),
    -- An entry is reversed at most once.
    CONSTRAINT uk_ledger_reverses UNIQUE (reverses_entry_id),
    CONSTRAINT fk_ledger_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT fk_ledger_reverses FOREIGN KEY (reverses_entry_id) REFERENCES ledger_entry (id)
);
-- The status query: one range scan per teacher, covering (no table look-up).
CREATE INDEX ix_ledger_teacher_date ON ledger_entry (teacher_id, entry_date, category, hours);
-- Yearly caps and unit limits (R-15, R-17..R-20).
CREATE INDEX ix_ledger_teacher_kind_year ON ledger_entry (teacher_id, claim_kind, entry_year);
