-- Local accounts (default profile). Each account is scoped to one organisation. A teacher's
-- account stores no organisation of its own: the school is read from the teacher record so
-- that the scope follows a transfer (R-37); every other role names its organisation.
CREATE TABLE account (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    -- BCrypt hash ({bcrypt}-prefixed, DelegatingPasswordEncoder format); never the password.
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(50)  NOT NULL,
    role            VARCHAR(24)  NOT NULL,
    organisation_id BIGINT       NULL,
    teacher_id      BIGINT       NULL,
    enabled         BOOLEAN      NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT fk_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_account_teacher FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT ck_account_scope CHECK (
        (role = 'TEACHER' AND teacher_id IS NOT NULL AND organisation_id IS NULL)
        OR (role <> 'TEACHER' AND organisation_id IS NOT NULL))
);
CREATE INDEX ix_account_organisation ON account (organisation_id);
CREATE INDEX ix_account_teacher ON account (teacher_id);
