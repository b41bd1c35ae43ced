package org.casetrail.projections.models;

import java.sql.Array;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.casetrail.projections.figures.ColdCasesFigure;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEMANTICS 6.5 from a definition's reopenings ({@code definition_reopening}: each reopening of a qualifying case
 * that follows a closing, with what the figure counts of it, worked out by {@link ColdCasesFigure#reopenings}). Cold
 * cases are few, so the rows are read when asked: each case's first reopening matching the operation and range, summed
 * by the scope's groups.
 */
final class Reopenings {

    private final JdbcTemplate jdbc;

    Reopenings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key an operation is matched by, as the figure matches it (ignoring case). */
    static String operationKey(String operation) {
        return operation == null ? null : operation.toLowerCase(Locale.ROOT);
    }

    ColdCasesFigure.Result coldCases(FigureScope scope, String operation) {
        List<Object> arguments = new ArrayList<>(List.of(scope.definition().id(), scope.definition().version()));
        StringBuilder matching = new StringBuilder();
        if (operation != null) {
            matching.append(" AND r.operation_key = ?");
            arguments.add(operationKey(operation));
        }
        if (scope.from() != null) {
            matching.append(" AND r.reopened_on >= ?");
            arguments.add(Date.valueOf(scope.from()));
        }
        if (scope.to() != null) {
            matching.append(" AND r.reopened_on <= ?");
            arguments.add(Date.valueOf(scope.to()));
        }
        CellGrouping grouping = new CellGrouping(scope, "reopened_on");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected() + "array_agg(days_closed) AS days_closed, "
                + "sum(arrested_after)::bigint AS arrested_after, sum(charged_after)::bigint AS charged_after, "
                + "sum(convicted_after)::bigint AS convicted_after, count(*) FILTER (WHERE reclosed) AS reclosed "
                + "FROM (SELECT DISTINCT ON (r.case_ref) c.force_code, c.region, c.context, r.reopened_on, "
                + "r.days_closed, r.arrested_after, r.charged_after, r.convicted_after, r.reclosed "
                + "FROM definition_reopening r JOIN definition_case c ON c.definition_id = r.definition_id "
                + "AND c.version = r.version AND c.case_ref = r.case_ref "
                + "WHERE r.definition_id = ? AND r.version = ?" + matching
                + " ORDER BY r.case_ref, r.reopened_on, r.position) cold WHERE true" + where + grouping.groupBy();
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
