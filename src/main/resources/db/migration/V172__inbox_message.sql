-- The message centre (docs/inbox.md). One row per message to one account, written in the transaction
-- of the step it tells about; its e-mail, if the account takes e-mail, is the row's outbox state:
-- PENDING until a worker has sent it (claimed with the row's lock), SENT, GAVE_UP after the last
-- retry, OFF when the account takes no e-mail or the server has no mail server.
CREATE TABLE inbox_message (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient         VARCHAR(64)   NOT NULL,
    kind              VARCHAR(24)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    body              VARCHAR(2000) NOT NULL,
    link              VARCHAR(300)  NULL,
    -- Set for a message that must be written once only (the daily digest: one per account and day).
    once_key          VARCHAR(100)  NULL,
    created_at        TIMESTAMP(3)  NOT NULL,
    read_at           TIMESTAMP(3)  NULL,
    mail_state        VARCHAR(12)   NOT NULL,
    mail_to           VARCHAR(254)  NULL,
    mail_attempts     INT           DEFAULT 0 NOT NULL,
    mail_next_try_at  TIMESTAMP(3)  NULL,
    mail_sent_at      TIMESTAMP(3)  NULL,
    mail_last_error   VARCHAR(500)  NULL,
    CONSTRAINT uk_inbox_message_once UNIQUE (recipient, once_key)
);
-- The header's unread count and the centre's newest-first pages, one index range each.
CREATE INDEX ix_inbox_message_unread ON inbox_message (recipient, read_at);
CREATE INDEX ix_inbox_message_recipient ON inbox_message (recipient, id);
-- The mail outbox: what is due to be sent.
CREATE INDEX ix_inbox_message_mail ON inbox_message (mail_state, mail_next_try_at);
