package org.casetrail.projections.models;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casetrail.projections.figures.ColdCasesFigure;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEMANTICS 6.5 from a definition's reopenings ({@code definition_reopening}: each reopening of a qualifying case
 * that follows a closing, with the case's place and what the figure counts of it, worked out by
 * {@link ColdCasesFigure#reopenings}). A case counts by its first reopening matching the operation and range; each row
 * keeps the date of the case's reopening before it (of any operation, and of its own), so that a reopening is the
 * first in a range exactly when it is in the range and the one before it is not: the rows are read in one filtered
 * pass, with neither a join nor a sort per case.
 */
final class Reopenings {

    /** A reopening as the model keeps it, with the dates of the case's reopening before it. */
    record Row(ColdCasesFigure.Reopening reopening, LocalDate previousOn, LocalDate previousOfOperationOn) {
    }

    private final JdbcTemplate jdbc;

    Reopenings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case's reopenings as rows, each with the case's reopening before it in the figure's order. */
    static List<Row> rows(List<ColdCasesFigure.Reopening> reopenings) {
        List<ColdCasesFigure.Reopening> inOrder = new ArrayList<>(reopenings);
        inOrder.sort(ColdCasesFigure.FIRST);
        List<Row> rows = new ArrayList<>();
        LocalDate previous = null;
        Map<String, LocalDate> previousOfOperation = new HashMap<>();
        for (ColdCasesFigure.Reopening reopening : inOrder) {
            String operation = ColdCasesFigure.operationKey(reopening.operation());
            rows.add(new Row(reopening, previous, operation == null ? null : previousOfOperation.get(operation)));
            previous = reopening.reopenedOn();
            if (operation != null) {
                previousOfOperation.put(operation, reopening.reopenedOn());
            }
        }
        return rows;
    }

    ColdCasesFigure.Result coldCases(FigureScope scope, String operation) {
        List<Object> arguments = new ArrayList<>(List.of(scope.definition().id(), scope.definition().version()));
        StringBuilder first = new StringBuilder();
        String previous = "previous_on";
        if (operation != null) {
            first.append(" AND operation_key = ?");
            arguments.add(ColdCasesFigure.operationKey(operation));
            previous = "previous_of_operation_on";
        }
        if (scope.from() == null) {
            first.append(" AND ").append(previous).append(" IS NULL");
        } else {
            first.append(" AND reopened_on >= ? AND (").append(previous).append(" IS NULL OR ").append(previous)
                    .append(" < ?)");
            arguments.add(Date.valueOf(scope.from()));
            arguments.add(Date.valueOf(scope.from()));
        }
        if (scope.to() != null) {
            first.append(" AND reopened_on <= ?");
            arguments.add(Date.valueOf(scope.to()));
        }
        CellGrouping grouping = new CellGrouping(scope, "reopened_on");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected() + "array_agg(days_closed) AS days_closed, "
                + "sum(arrested_after)::bigint AS arrested_after, sum(charged_after)::bigint AS charged_after, "
                + "sum(convicted_after)::bigint AS convicted_after, count(*) FILTER (WHERE reclosed) AS reclosed "
                + "FROM definition_reopening WHERE definition_id = ? AND version = ?" + first + where
                + grouping.groupBy();
        Map<GroupKey, ColdCasesFigure.Group> groups = new TreeMap<>();
        jdbc.query(sql, row -> {
            Array days = row.getArray("days_closed");
            if (days == null) {
                // Without groupBy the aggregate answers one row even when no case is cold.
                return;
            }
            GroupKey key = grouping.key(row);
            List<Long> daysClosed = Arrays.stream((Long[]) days.getArray()).toList();
            days.free();
            groups.put(key, ColdCasesFigure.group(key, daysClosed, row.getLong("arrested_after"),
                    row.getLong("charged_after"), row.getLong("convicted_after"), row.getLong("reclosed")));
        }, arguments.toArray());
        return new ColdCasesFigure.Result(operation, new ArrayList<>(groups.values()));
    }
}
