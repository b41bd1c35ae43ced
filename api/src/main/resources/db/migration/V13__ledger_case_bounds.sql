-- Each case's bounds in the ledger: the first and last knowledge date (reported_on) and store position of its events,
-- kept inline with ledger_row. A case whose last event is inside a cut (a knowledge date, a position) stands at that
-- cut as it stands now, so a figure at an earlier cut can take the current model for every case not changed since
-- and read only the changed ones from the ledger (docs/architecture.md).
CREATE TABLE ledger_case (
    case_ref          VARCHAR(255) PRIMARY KEY,
    first_reported_on DATE         NOT NULL,
    last_reported_on  DATE         NOT NULL,
    first_position    BIGINT       NOT NULL,
    last_position     BIGINT       NOT NULL
);

INSERT INTO ledger_case (case_ref, first_reported_on, last_reported_on, first_position, last_position)
SELECT case_ref, min(reported_on), max(reported_on), min(position), max(position) FROM ledger_row GROUP BY case_ref;
