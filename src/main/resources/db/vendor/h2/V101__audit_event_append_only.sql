-- R-40: the database itself refuses to change or remove an audit line. H2 runs triggers as Java;
-- this one is compiled from the source below (needs a JDK, as the build and tests have).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW AS
'org.h2.api.Trigger create() {
    return new org.h2.api.Trigger() {
        public void fire(java.sql.Connection connection, Object[] before, Object[] after) throws java.sql.SQLException {
            throw new java.sql.SQLException("audit_event is append-only (R-40)", "45000");
        }
    };
}';
