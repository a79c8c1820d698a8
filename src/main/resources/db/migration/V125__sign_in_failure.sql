-- Sign-in throttling (security.SignInThrottle): failed password sign-ins per account name and
-- per client address, in the database so that every node counts the same failures. One row per
-- name or address with failures in the recent past; rows older than the throttle's longest
-- period are deleted by the nodes themselves, so the table stays small.
CREATE TABLE sign_in_failure (
    -- "account:" + the name as typed, normalised (case, width, accents, invisible characters),
    -- whether or not such an account exists; or "address:" + the client address (IPv6: its /64).
    subject          VARCHAR(160) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    -- when the current run of failures began (an address's counting window starts here)
    first_failure_at TIMESTAMP(3) NOT NULL,
    last_failure_at  TIMESTAMP(3) NOT NULL,
    -- password sign-in refused for this name or address until then, right password or not
    blocked_until    TIMESTAMP(3) NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_failure_at);
