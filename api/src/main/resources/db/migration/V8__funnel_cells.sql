-- A definition's funnel counts per place and entry month, kept with its model so that a current-state funnel sums a
-- few thousand cells instead of aggregating every member. One row per unit (CASE, SUSPECT), entry stage (RECORDED,
-- ARRESTED), force, region, context and month of entry; a force or region not recorded is '' so that it can be part
-- of the key. Partial months at a query's date bounds are counted from the members themselves.
CREATE TABLE definition_funnel_cell (
    definition_id      VARCHAR(64) NOT NULL,
    version            INTEGER     NOT NULL,
    unit               VARCHAR(8)  NOT NULL,
    entry              VARCHAR(16) NOT NULL,
    force_code         VARCHAR(16) NOT NULL,
    region             VARCHAR(64) NOT NULL,
    context            VARCHAR(32) NOT NULL,
    entry_month        DATE        NOT NULL,
    recorded           BIGINT      NOT NULL,
    arrested           BIGINT      NOT NULL,
    charged            BIGINT      NOT NULL,
    charged_implied    BIGINT      NOT NULL,
    prosecuted         BIGINT      NOT NULL,
    prosecuted_implied BIGINT      NOT NULL,
    convicted          BIGINT      NOT NULL,
    PRIMARY KEY (definition_id, version, unit, entry, force_code, region, context, entry_month)
);
