-- The ledger: one row per stored event, flat, written in the same transaction as the event, with its global position
-- and every field. An import checks a whole file against it without loading any aggregate, and the figure engine
-- reads the effective view from it (filtering on reported_on for asOf and on position). Its primary key is the row
-- identity of SEMANTICS section 3: (source, source_row_id) names one row across all cases.
CREATE TABLE ledger_row (
    source            VARCHAR(255) NOT NULL,
    source_row_id     VARCHAR(255) NOT NULL,
    case_ref          VARCHAR(255) NOT NULL,
    position          BIGINT       NOT NULL,
    event_id          VARCHAR(255) NOT NULL,
    event_type        VARCHAR(32)  NOT NULL,
    occurred_on       DATE,
    reported_on       DATE         NOT NULL,
    suspect_ref       VARCHAR(255),
    victim_ref        VARCHAR(255),
    corrected_row_id  VARCHAR(255),
    force_code        VARCHAR(16),
    context           VARCHAR(32),
    offence_from      DATE,
    age               SMALLINT,
    sex               CHAR(1),
    ethnicity         VARCHAR(8),
    officer_ethnicity VARCHAR(8),
    nationality       CHAR(3),
    outcome_type      SMALLINT,
    operation         VARCHAR(255),
    plea              VARCHAR(16),
    note              TEXT,
    fingerprint       CHAR(32)     NOT NULL,
    PRIMARY KEY (source, source_row_id)
);
CREATE INDEX ledger_row_case ON ledger_row (case_ref, position);
CREATE UNIQUE INDEX ledger_row_position ON ledger_row (position);

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
