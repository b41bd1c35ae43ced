-- Definitions (SEMANTICS section 5): which cases count and how stages are read. A published version never changes:
-- a change is a new version, so (id, version) is written once and never updated.
CREATE TABLE definition (
    id                          VARCHAR(64)  NOT NULL,
    version                     INTEGER      NOT NULL,
    label                       VARCHAR(255) NOT NULL,
    description                 TEXT         NOT NULL,
    min_suspects                INTEGER      NOT NULL,
    contexts                    VARCHAR(255) NOT NULL,
    max_victim_age              INTEGER,
    arrest_includes_interview   BOOLEAN      NOT NULL,
    exclude_quashed_convictions BOOLEAN      NOT NULL,
    created_at                  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);
