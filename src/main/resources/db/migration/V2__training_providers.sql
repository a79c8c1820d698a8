-- Training providers (R-06): who may deliver a training project depends on the kind of
-- institution, whether it runs national (国培) programmes, and, for a county teacher-training
-- school, its county.
CREATE TABLE training_provider (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    guopei_qualified BOOLEAN      NOT NULL,
    county_id        BIGINT       NULL,
    CONSTRAINT uk_training_provider_name UNIQUE (name),
    CONSTRAINT fk_training_provider_county FOREIGN KEY (county_id) REFERENCES organisation (id)
);
