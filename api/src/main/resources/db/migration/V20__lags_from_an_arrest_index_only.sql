-- Lags from an arrest (the usual start) read only this index, not the suspects' table: each arrested suspect's
-- stage dates, exits and place, in an index of the arrested alone (52 MB at a million cases against the table's
-- 249 MB; a lags read's query went from about 290 to 205 ms, docs/benchmarks.md). A replay's VACUUM of the member
-- tables marks their pages all-visible, so the read visits the table only for rows changed since (until autovacuum
-- marks their pages again). Lags from a charge or a prosecution still scan the table.
CREATE INDEX definition_suspect_arrested_lags
    ON definition_suspect (definition_id, version, arrested_on)
    INCLUDE (force_code, region, context, charged_on, charged_implied, prosecuted_on, prosecuted_implied,
             convicted_on, exits)
    WHERE arrested_on IS NOT NULL;

-- The figures now group by year with date_part (CellGrouping), and the planner uses a statistic only for the
-- expression it names: the cold cases' estimate of their groups (V17) is restated for it.
DROP STATISTICS definition_reopening_groups;
CREATE STATISTICS definition_reopening_groups (ndistinct)
    ON force_code, region, context, (date_part('year', reopened_on)::int) FROM definition_reopening;
ANALYZE definition_reopening;
