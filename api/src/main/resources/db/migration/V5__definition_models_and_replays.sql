-- A definition's current-state results, built by a replay and then kept up to date by the member-models event
-- processor: the cases that qualify, and each of their suspects' stage dates as the definition reads them.
CREATE TABLE definition_model (
    definition_id VARCHAR(64) NOT NULL,
    version       INTEGER     NOT NULL,
    state         VARCHAR(16) NOT NULL,
    position      BIGINT,
    PRIMARY KEY (definition_id, version)
);

CREATE TABLE definition_case (
    definition_id VARCHAR(64)  NOT NULL,
    version       INTEGER      NOT NULL,
    case_ref      VARCHAR(255) NOT NULL,
    force_code    VARCHAR(16),
    region        VARCHAR(64),
    context       VARCHAR(32)  NOT NULL,
    opened_on     DATE         NOT NULL,
    PRIMARY KEY (definition_id, version, case_ref)
);

-- RECORDED, ARRESTED and CONVICTED are only ever reached directly (a date); CHARGED and PROSECUTED may be reached by
-- implication only (no date, *_implied true).
CREATE TABLE definition_suspect (
    definition_id      VARCHAR(64)  NOT NULL,
    version            INTEGER      NOT NULL,
    case_ref           VARCHAR(255) NOT NULL,
    suspect_ref        VARCHAR(255) NOT NULL,
    arrested_on        DATE,
    charged_on         DATE,
    charged_implied    BOOLEAN      NOT NULL,
    prosecuted_on      DATE,
    prosecuted_implied BOOLEAN      NOT NULL,
    convicted_on       DATE,
    PRIMARY KEY (definition_id, version, case_ref, suspect_ref)
);

CREATE TABLE replay (
    id                UUID         PRIMARY KEY,
    definition_id     VARCHAR(64)  NOT NULL,
    version           INTEGER      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    events_total      BIGINT       NOT NULL,
    events_done       BIGINT       NOT NULL DEFAULT 0,
    checkpoint_case   VARCHAR(255),
    started_at        TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ,
    running_millis    BIGINT       NOT NULL DEFAULT 0,
    error             TEXT
);
