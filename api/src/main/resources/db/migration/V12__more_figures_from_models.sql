-- The suspect-category figures (ethnicity, its completeness, nationality) read from a definition's model as the funnel
-- does. Each suspect row keeps the codes its identification records (NULL: not recorded), each victim of a qualifying
-- case its codes, and the category cells count suspects (and suspect-victim pairs) by stage, place, period of the
-- stage date and category. Categories are stored as codes (BEST already chosen); the group level is derived from the
-- code when a figure is read.
ALTER TABLE definition_suspect
    ADD COLUMN self_ethnicity     VARCHAR(16),
    ADD COLUMN officer_ethnicity  VARCHAR(16),
    ADD COLUMN best_ethnicity     VARCHAR(16),
    ADD COLUMN recording          VARCHAR(16),
    ADD COLUMN nationality        VARCHAR(255);

CREATE TABLE definition_victim (
    definition_id     VARCHAR(64)  NOT NULL,
    version           INTEGER      NOT NULL,
    case_ref          VARCHAR(255) NOT NULL,
    victim_ref        VARCHAR(255) NOT NULL,
    self_ethnicity    VARCHAR(16),
    officer_ethnicity VARCHAR(16),
    best_ethnicity    VARCHAR(16),
    PRIMARY KEY (definition_id, version, case_ref, victim_ref)
);

-- measure: SELF, OFFICER, BEST (suspects by that scheme's code), RECORDING (suspects by how completely recorded),
-- NATIONALITY (suspects by code), PAIRS_SELF, PAIRS_OFFICER, PAIRS_BEST (pairs by both codes). A code not recorded is
-- '', a suspect of a case with no victim pairs with the victim category '-'; victim_category is '' for suspect cells.
CREATE TABLE definition_category_cell (
    definition_id    VARCHAR(64)  NOT NULL,
    version          INTEGER      NOT NULL,
    measure          VARCHAR(16)  NOT NULL,
    stage            VARCHAR(16)  NOT NULL,
    period           VARCHAR(5)   NOT NULL,
    period_start     DATE         NOT NULL,
    force_code       VARCHAR(16)  NOT NULL,
    region           VARCHAR(64)  NOT NULL,
    context          VARCHAR(32)  NOT NULL,
    suspect_category VARCHAR(255) NOT NULL,
    victim_category  VARCHAR(16)  NOT NULL,
    members          BIGINT       NOT NULL,
    PRIMARY KEY (definition_id, version, measure, stage, period, period_start, force_code, region, context,
                 suspect_category, victim_category)
);

-- Lags (SEMANTICS 6.4) are read from the model's member rows: the case's offence_from starts an OFFENCE lag, and each
-- suspect's exits (its NFA, out-of-court, discontinued and acquitted dates, and its case's closings not followed by a
-- reopening) give a member that never reached the end its competing exit.
ALTER TABLE definition_case ADD COLUMN offence_from DATE;
ALTER TABLE definition_suspect ADD COLUMN exits DATE[] NOT NULL DEFAULT '{}';

-- The latest knowledge date (reported_on) of any stored event: a figure asked as known on a date on or after it is the
-- current state, which a model can answer (lags are censored on a date, today unless asked, and known by it).
-- Append-only (a row whenever a write of ledger rows reports later than any before it), so that concurrent writers
-- never wait on one another for it; the latest is its max.
CREATE TABLE ledger_knowledge (
    reported_on DATE NOT NULL
);
CREATE INDEX ledger_knowledge_by_date ON ledger_knowledge (reported_on);
INSERT INTO ledger_knowledge (reported_on) SELECT max(reported_on) FROM ledger_row HAVING max(reported_on) IS NOT NULL;

-- Models built before these columns existed hold no categories: they are dropped, so that every figure answers from
-- the ledger until a replay builds the definition's model again.
DELETE FROM definition_funnel_cell;
DELETE FROM definition_suspect;
DELETE FROM definition_case;
DELETE FROM definition_model;
