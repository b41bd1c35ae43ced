-- A definition's funnel counts per place and period of entry, kept with its model so that a current-state funnel sums a
-- few thousand cells instead of aggregating every member. One row per unit (CASE, SUSPECT), entry stage (RECORDED,
-- ARRESTED), force, region, context and period (the YEAR or the MONTH starting on period_start); a force or region not
-- recorded is '' so that it can be part of the key. A query takes whole years from year cells, the whole months
-- around them from month cells, and counts the members of partial months at its bounds directly.
CREATE TABLE definition_funnel_cell (
    definition_id      VARCHAR(64) NOT NULL,
    version            INTEGER     NOT NULL,
    unit               VARCHAR(8)  NOT NULL,
    entry              VARCHAR(16) NOT NULL,
    force_code         VARCHAR(16) NOT NULL,
    region             VARCHAR(64) NOT NULL,
    context            VARCHAR(32) NOT NULL,
    period             VARCHAR(5)  NOT NULL,
    period_start       DATE        NOT NULL,
    recorded           BIGINT      NOT NULL,
    arrested           BIGINT      NOT NULL,
    charged            BIGINT      NOT NULL,
    charged_implied    BIGINT      NOT NULL,
    prosecuted         BIGINT      NOT NULL,
    prosecuted_implied BIGINT      NOT NULL,
    convicted          BIGINT      NOT NULL,
    PRIMARY KEY (definition_id, version, unit, entry, force_code, region, context, period, period_start)
);
