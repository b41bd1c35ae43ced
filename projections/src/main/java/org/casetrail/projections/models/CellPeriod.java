package org.casetrail.projections.models;

/** The periods a model's cells are kept for: the year or the month starting on a cell's {@code period_start}. */
enum CellPeriod { YEAR, MONTH }
