-- Optional e-mail for an account's notices (docs/inbox.md): the address the person gives and their
-- consent to receive the notices there. Without a row, or switched off, notices stay in the message centre.
CREATE TABLE inbox_mail_setting (
    username    VARCHAR(64)  NOT NULL PRIMARY KEY,
    address     VARCHAR(254) NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    changed_at  TIMESTAMP(3) NOT NULL
);
