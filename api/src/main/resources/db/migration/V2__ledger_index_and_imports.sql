-- The ledger index: one row per event in the store, written in the same transaction as the event, so that an import
-- can check a whole file against everything already stored without loading any aggregate. Its primary key is the
-- row identity of SEMANTICS section 3: (source, source_row_id) names one row across all cases.
CREATE TABLE ledger_row (
    source           VARCHAR(255) NOT NULL,
    source_row_id    VARCHAR(255) NOT NULL,
    case_ref         VARCHAR(255) NOT NULL,
    event_type       VARCHAR(32)  NOT NULL,
    suspect_ref      VARCHAR(255),
    victim_ref       VARCHAR(255),
    corrected_row_id VARCHAR(255),
    fingerprint      CHAR(32)     NOT NULL,
    PRIMARY KEY (source, source_row_id)
);
CREATE INDEX ledger_row_case ON ledger_row (case_ref);

-- One row per import run, kept as the record of what was imported when and with what result.
CREATE TABLE import_run (
    id          UUID         PRIMARY KEY,
    source      VARCHAR(255) NOT NULL,
    file_name   VARCHAR(1024),
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    state       VARCHAR(16)  NOT NULL,
    rows_read   BIGINT       NOT NULL DEFAULT 0,
    accepted    BIGINT       NOT NULL DEFAULT 0,
    duplicates  BIGINT       NOT NULL DEFAULT 0,
    rejected    BIGINT       NOT NULL DEFAULT 0
);

-- The rows of an import while it is checked and applied. Unlogged: it is scratch space that a crash may lose, and an
-- import that crashed is simply run again.
CREATE UNLOGGED TABLE import_staging (
    import_id        UUID         NOT NULL,
    line             BIGINT       NOT NULL,
    case_ref         VARCHAR(255) NOT NULL,
    source_row_id    VARCHAR(255) NOT NULL,
    event_type       VARCHAR(32)  NOT NULL,
    suspect_ref      VARCHAR(255),
    victim_ref       VARCHAR(255),
    corrected_row_id VARCHAR(255),
    fingerprint      CHAR(32)     NOT NULL,
    payload_type     VARCHAR(255) NOT NULL,
    payload          BYTEA        NOT NULL,
    PRIMARY KEY (import_id, line)
);
