-- Every distinct figure query answered, keyed by the hash that starts its figure ids, so that any figure id can be
-- traced back to the exact query and store position that produced it.
CREATE TABLE figure_query (
    query_id    CHAR(16)     PRIMARY KEY,
    endpoint    VARCHAR(64)  NOT NULL,
    parameters  JSONB        NOT NULL,
    position    BIGINT       NOT NULL,
    first_asked TIMESTAMPTZ  NOT NULL DEFAULT now()
);
