-- A funnel reads the year cells of one unit and entry (or the month cells of a range); the primary key puts place
-- before period, so without this index a query read every month cell of the definition to find the year cells.
CREATE INDEX definition_funnel_cell_by_period
    ON definition_funnel_cell (definition_id, version, unit, entry, period, period_start);
