-- The planner's estimate of how many groups a cold-case answer has. Without it PostgreSQL takes a grouping of the
-- reopenings by place and year for a tenth of the rows, and sorts them on disk for it (about 95 ms at a million
-- cases, 41,833 reopenings in 23 groups) where a hash of the few groups takes about 20 ms. A replay's ANALYZE of the
-- member tables keeps it current.
CREATE STATISTICS definition_reopening_groups (ndistinct)
    ON force_code, region, context, (extract(year FROM reopened_on)::int) FROM definition_reopening;
