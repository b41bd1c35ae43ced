package org.casetrail.projections.models;

/**
 * The periods a model's cells are kept for: the year, month or day starting on a cell's {@code period_start}. Counts
 * of members are kept by year and month; the caseload's changes by day as well.
 */
enum CellPeriod {
    YEAR, MONTH, DAY;

    /** The SQL expression of the start of the period a date column falls in. */
    String startOf(String dateColumn) {
        return this == DAY ? dateColumn : "date_trunc('" + name().toLowerCase() + "', " + dateColumn + ")::date";
    }
}
