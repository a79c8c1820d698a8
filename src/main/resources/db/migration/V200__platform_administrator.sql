-- The platform administrator (docs/administration.md): a system administrator whose account names no
-- organisation acts in every province. Every other non-teacher account still names its organisation.
ALTER TABLE account DROP CONSTRAINT ck_account_scope;
ALTER TABLE account ADD CONSTRAINT ck_account_scope CHECK (
    (role = 'TEACHER' AND teacher_id IS NOT NULL AND organisation_id IS NULL)
    OR (role = 'SYSTEM_ADMIN' AND teacher_id IS NULL)
    OR (role <> 'TEACHER' AND organisation_id IS NOT NULL));
