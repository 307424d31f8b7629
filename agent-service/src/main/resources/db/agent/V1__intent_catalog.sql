-- The operator's intent catalog. One row in intent_catalog describes the catalog in force; its examples
-- are replaced as a whole in the same transaction. No row means the shipped default is in force.
CREATE TABLE intent_catalog (
    id             SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version        BIGINT           NOT NULL,
    min_confidence DOUBLE PRECISION,
    example_count  INTEGER          NOT NULL,
    fingerprint    TEXT             NOT NULL,
    encoder_id     TEXT,
    updated_at     TIMESTAMPTZ      NOT NULL
);

CREATE TABLE intent_example (
    position  INTEGER PRIMARY KEY,
    intent    TEXT NOT NULL,
    text      TEXT NOT NULL,
    -- Little-endian float32 sentence embedding by encoder_id, so a restart need not re-encode.
    embedding BYTEA
);
