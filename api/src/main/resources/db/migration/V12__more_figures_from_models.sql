-- The suspect-category figures (ethnicity, its completeness, nationality) are read from a definition's member rows:
-- each suspect row keeps the codes its identification records (NULL: not recorded; best_ethnicity is the BEST
-- scheme's choice, recording how complete the record is), and each victim of a qualifying case its codes. Codes become
-- categories (and groups) when a figure is read.
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
