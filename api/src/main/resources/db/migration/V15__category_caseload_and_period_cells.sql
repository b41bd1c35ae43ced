-- A definition's suspects counted by stage, place and year, kept with its model (as the funnel cells are) so that
-- ethnicity, its completeness and nationality sum cells instead of aggregating every member. One row per stage reached
-- directly (RECORDED ... CONVICTED, counted in the year of that stage's date, period_start its first day), place (a
-- force or region not recorded is '') and what is counted:
--   kind ETHNICITY: the self-defined code, and the officer-defined one as second_code ('' when not recorded): every
--   scheme's code is one of the two;
--   kind RECORDING: how completely the ethnicity is recorded (SELF_DEFINED, OFFICER_ONLY, NOT_RECORDED);
--   kind NATIONALITY: the nationality code ('' when not recorded).
-- Partial years at a window's bounds, and (suspect, victim) pairs, are counted from the member rows when asked.
CREATE TABLE definition_category_cell (
    definition_id VARCHAR(64)  NOT NULL,
    version       INTEGER      NOT NULL,
    stage         VARCHAR(16)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    period_start  DATE         NOT NULL,
    force_code    VARCHAR(16)  NOT NULL,
    region        VARCHAR(64)  NOT NULL,
    context       VARCHAR(32)  NOT NULL,
    code          VARCHAR(255) NOT NULL,
    second_code   VARCHAR(255) NOT NULL,
    members       BIGINT       NOT NULL,
    PRIMARY KEY (definition_id, version, stage, kind, period_start, force_code, region, context, code, second_code)
);

-- What each qualifying case adds to the caseload and period-count cells, kept beside its member row (not in it, so
-- that the figures that read definition_case read narrow rows), with the case's place so that the cells are summed
-- from this table alone.
-- The caseload (SEMANTICS 6.7) is a stock: caseload_on holds the dates on which one of the case's four numbers changes
-- (ascending) and caseload_change by how much (one row of four per date: live cases, suspects under investigation,
-- suspects awaiting an outcome, victims in live cases). Summed up to a date, they are its numbers on that date.
-- Period counts (SEMANTICS 6.3) count distinct members, which do not add up across periods but do across cases:
-- period_counts has one row per unit (0 suspect, 1 case, 2 victim) and year of events (0: all years), then the case's
-- 13 counts in the answer's order. A figure over all years, or by year over whole years, reads the cells; any other
-- window the ledger.
CREATE TABLE definition_case_total (
    definition_id   VARCHAR(64)  NOT NULL,
    version         INTEGER      NOT NULL,
    case_ref        VARCHAR(255) NOT NULL,
    force_code      VARCHAR(16),
    region          VARCHAR(64),
    context         VARCHAR(32)  NOT NULL,
    caseload_on     DATE[]       NOT NULL,
    caseload_change INTEGER[]    NOT NULL,
    period_counts   INTEGER[]    NOT NULL,
    PRIMARY KEY (definition_id, version, case_ref)
);

-- The changes summed by place and period (the YEAR, MONTH or DAY starting on period_start): the caseload on a date is
-- the year cells before its year, the month cells of its year before its month, and the day cells of its month up to
-- it.
CREATE TABLE definition_caseload_cell (
    definition_id       VARCHAR(64) NOT NULL,
    version             INTEGER     NOT NULL,
    period              VARCHAR(5)  NOT NULL,
    period_start        DATE        NOT NULL,
    force_code          VARCHAR(16) NOT NULL,
    region              VARCHAR(64) NOT NULL,
    context             VARCHAR(32) NOT NULL,
    live_cases          BIGINT      NOT NULL,
    under_investigation BIGINT      NOT NULL,
    awaiting_outcome    BIGINT      NOT NULL,
    victims_in_live     BIGINT      NOT NULL,
    PRIMARY KEY (definition_id, version, period, period_start, force_code, region, context)
);


-- The period counts summed by place, unit and year (0: all years).
CREATE TABLE definition_period_cell (
    definition_id      VARCHAR(64) NOT NULL,
    version            INTEGER     NOT NULL,
    unit               VARCHAR(8)  NOT NULL,
    year               INTEGER     NOT NULL,
    force_code         VARCHAR(16) NOT NULL,
    region             VARCHAR(64) NOT NULL,
    context            VARCHAR(32) NOT NULL,
    recorded           BIGINT      NOT NULL,
    arrested           BIGINT      NOT NULL,
    charged            BIGINT      NOT NULL,
    prosecuted         BIGINT      NOT NULL,
    convicted          BIGINT      NOT NULL,
    nfa                BIGINT      NOT NULL,
    out_of_court       BIGINT      NOT NULL,
    discontinued       BIGINT      NOT NULL,
    acquitted          BIGINT      NOT NULL,
    conviction_quashed BIGINT      NOT NULL,
    case_closed        BIGINT      NOT NULL,
    case_reopened      BIGINT      NOT NULL,
    victim_recorded    BIGINT      NOT NULL,
    PRIMARY KEY (definition_id, version, unit, year, force_code, region, context)
);

-- Cold cases (SEMANTICS 6.5): each reopening of a qualifying case that follows a closing, with what a cold case counts
-- of it (worked out by the figure itself); a figure takes each case's first one matching its operation and range
-- (operation_key: the operation in lower case).
CREATE TABLE definition_reopening (
    definition_id  VARCHAR(64)  NOT NULL,
    version        INTEGER      NOT NULL,
    case_ref       VARCHAR(255) NOT NULL,
    position       BIGINT       NOT NULL,
    reopened_on    DATE         NOT NULL,
    operation_key  VARCHAR(255),
    days_closed    BIGINT       NOT NULL,
    arrested_after BIGINT       NOT NULL,
    charged_after  BIGINT       NOT NULL,
    convicted_after BIGINT      NOT NULL,
    reclosed       BOOLEAN      NOT NULL,
    PRIMARY KEY (definition_id, version, case_ref, position)
);

-- Models built before these cells existed would answer the new figures with nothing: they are dropped, so that every
-- figure answers from the ledger until a replay builds the definition's model again.
DELETE FROM definition_funnel_cell;
DELETE FROM definition_victim;
DELETE FROM definition_suspect;
DELETE FROM definition_case;
DELETE FROM definition_model;
