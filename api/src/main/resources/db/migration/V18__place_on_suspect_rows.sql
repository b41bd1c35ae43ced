-- Each suspect row also keeps its case's place, so that a read needing no date of the case (lags from an arrest, a
-- charge or a prosecution) reads the suspects alone: at a million cases the join with the cases was about 600 ms of a
-- lags query's 1.8 s (docs/benchmarks.md). Models already built are filled here, so none needs a replay.
ALTER TABLE definition_suspect
    ADD COLUMN force_code VARCHAR(16),
    ADD COLUMN region     VARCHAR(64),
    ADD COLUMN context    VARCHAR(32);

UPDATE definition_suspect s
SET force_code = c.force_code, region = c.region, context = c.context
FROM definition_case c
WHERE c.definition_id = s.definition_id AND c.version = s.version AND c.case_ref = s.case_ref;
