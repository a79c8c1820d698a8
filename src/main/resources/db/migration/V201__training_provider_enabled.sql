-- A training provider an administrator has withdrawn from the register (docs/administration.md): kept for
-- the projects and hours that name it, no longer eligible for new ones (R-06).
ALTER TABLE training_provider ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
