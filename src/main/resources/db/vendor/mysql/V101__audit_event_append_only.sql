-- R-40: the database itself refuses to change or remove an audit line, whatever the client.
-- (TRUNCATE and DROP bypass triggers; they need privileges the application's account should not have.)
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (R-40)';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only (R-40)';
