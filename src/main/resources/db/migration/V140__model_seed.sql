-- What the application deployed from the repository's models (processes/, with their forms) and
-- what it held back because a process owner's publication is in force (models.ModelSeeder).
-- One row per bundled model file; the seeded_* columns are empty until the file was deployed once.
CREATE TABLE model_seed (
    resource_name         VARCHAR(190) NOT NULL PRIMARY KEY,
    checksum              CHAR(64)     NULL,
    version_tag           VARCHAR(64)  NULL,
    deployment_id         VARCHAR(64)  NULL,
    seeded_at             TIMESTAMP(3) NULL,
    held_checksum         VARCHAR(64)  NULL,
    held_version_tag      VARCHAR(64)  NULL,
    held_for_deployment   VARCHAR(64)  NULL,
    held_at               TIMESTAMP(3) NULL
);

-- The one row every node starting up locks before it compares and deploys, so that nodes starting
-- at once deploy a changed file once.
CREATE TABLE model_seed_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO model_seed_lock (id) VALUES (1);
