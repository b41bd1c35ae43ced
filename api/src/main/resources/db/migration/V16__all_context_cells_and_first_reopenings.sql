-- Category cells for all contexts of a force and region (context ''): a figure not grouped by context reads these,
-- a sixth of the rows. The models already built get them from their own cells.
INSERT INTO definition_category_cell (definition_id, version, stage, kind, period_start, force_code, region, context,
                                      code, second_code, members)
SELECT definition_id, version, stage, kind, period_start, force_code, region, '', code, second_code, sum(members)
FROM definition_category_cell
GROUP BY definition_id, version, stage, kind, period_start, force_code, region, code, second_code;

-- Each reopening keeps its case's place and the date of the case's reopening before it (of any operation, and of its
-- own), so that a cold case's first reopening in a range is read without a join or a sort per case.
ALTER TABLE definition_reopening
    ADD COLUMN force_code               VARCHAR(16),
    ADD COLUMN region                   VARCHAR(64),
    ADD COLUMN context                  VARCHAR(32),
    ADD COLUMN previous_on              DATE,
    ADD COLUMN previous_of_operation_on DATE;

UPDATE definition_reopening r
SET force_code = c.force_code, region = c.region, context = c.context
FROM definition_case c
WHERE c.definition_id = r.definition_id AND c.version = r.version AND c.case_ref = r.case_ref;

UPDATE definition_reopening r
SET previous_on = p.previous_on, previous_of_operation_on = p.previous_of_operation_on
FROM (SELECT definition_id, version, case_ref, position,
             lag(reopened_on) OVER (PARTITION BY definition_id, version, case_ref
                                    ORDER BY reopened_on, position) AS previous_on,
             CASE WHEN operation_key IS NOT NULL THEN
                 lag(reopened_on) OVER (PARTITION BY definition_id, version, case_ref, operation_key
                                        ORDER BY reopened_on, position) END AS previous_of_operation_on
      FROM definition_reopening) p
WHERE p.definition_id = r.definition_id AND p.version = r.version AND p.case_ref = r.case_ref
  AND p.position = r.position;
