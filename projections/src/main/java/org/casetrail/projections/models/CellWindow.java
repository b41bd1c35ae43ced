package org.casetrail.projections.models;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.casetrail.projections.figures.FigureScope;

/**
 * The whole periods within a query's bounds: {@code [lower, upper)}, either end open when the query's is. Dates
 * outside it (and inside the query's bounds) are counted from finer cells or from the members.
 */
record CellWindow(LocalDate lower, LocalDate upper) {

    static CellWindow of(FigureScope scope, CellPeriod period) {
        LocalDate lower = scope.from() == null ? null : startOnOrAfter(scope.from(), period);
        LocalDate upper = scope.to() == null ? null : startOnOrBefore(scope.to().plusDays(1), period);
        return new CellWindow(lower, upper);
    }

    private static LocalDate startOnOrAfter(LocalDate day, CellPeriod period) {
        LocalDate start = startOnOrBefore(day, period);
        return start.equals(day) ? day : period == CellPeriod.YEAR ? start.plusYears(1) : start.plusMonths(1);
    }

    private static LocalDate startOnOrBefore(LocalDate day, CellPeriod period) {
        return period == CellPeriod.YEAR ? day.withDayOfYear(1) : day.withDayOfMonth(1);
    }

    boolean isEverything() {
        return lower == null && upper == null;
    }

    /** {@code AND column} within the window; binds its dates. */
    String inside(String column, List<Object> arguments) {
        StringBuilder sql = new StringBuilder();
        if (lower != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            arguments.add(Date.valueOf(lower));
        }
        if (upper != null) {
            sql.append(" AND ").append(column).append(" < ?");
            arguments.add(Date.valueOf(upper));
        }
        return sql.toString();
    }

    /** {@code AND column} outside the window (nothing is outside an unbounded one); binds its dates. */
    String outside(String column, List<Object> arguments) {
        List<String> either = new ArrayList<>();
        if (lower != null) {
            either.add(column + " < ?");
            arguments.add(Date.valueOf(lower));
        }
        if (upper != null) {
            either.add(column + " >= ?");
            arguments.add(Date.valueOf(upper));
        }
        return either.isEmpty() ? " AND false" : " AND (" + String.join(" OR ", either) + ")";
    }
}
