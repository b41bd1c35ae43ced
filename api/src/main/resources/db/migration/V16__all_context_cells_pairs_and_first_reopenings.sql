-- Category cells are also kept for all contexts of a force and region (context ''), which a figure not grouped by
-- context reads: a sixth of the rows. They also keep the (suspect, victim) pairs by the default scheme's groups, which
-- the member rows now carry (best_group).
-- The context leads the period in the key, so that reading either level skips the other's rows, and the key carries
-- the count, so that a read of vacuumed cells never visits the table (an index-only scan).
ALTER TABLE definition_category_cell DROP CONSTRAINT definition_category_cell_pkey;
ALTER TABLE definition_category_cell ADD PRIMARY KEY (definition_id, version, stage, kind, context, period_start,
                                                      force_code, region, code, second_code) INCLUDE (members);

ALTER TABLE definition_suspect ADD COLUMN best_group VARCHAR(255);
ALTER TABLE definition_victim ADD COLUMN best_group VARCHAR(255);

-- Each reopening keeps its case's place and the date of the case's reopening before it (of any operation, and of its
-- own), so that a cold case's first reopening in a range is read without a join or a sort per case.
ALTER TABLE definition_reopening
    ADD COLUMN force_code               VARCHAR(16),
    ADD COLUMN region                   VARCHAR(64),
    ADD COLUMN context                  VARCHAR(32),
    ADD COLUMN previous_on              DATE,
    ADD COLUMN previous_of_operation_on DATE;

-- Models built before would answer without these: they are dropped, so that every figure answers from the ledger
-- until a replay builds the definition's model again.
DELETE FROM definition_funnel_cell;
DELETE FROM definition_category_cell;
DELETE FROM definition_caseload_cell;
DELETE FROM definition_period_cell;
DELETE FROM definition_reopening;
DELETE FROM definition_case_total;
DELETE FROM definition_victim;
DELETE FROM definition_suspect;
DELETE FROM definition_case;
DELETE FROM definition_model;
