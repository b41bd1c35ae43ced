package org.casetrail.projections.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.projections.figures.Dimension;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;

/**
 * How a query over a model's cells or member rows groups and filters them as a figure's scope asks: the group-by
 * columns (place columns {@code force_code}, {@code region}, {@code context}, and the year of a date column), the
 * force filter, and the group key read back from the first columns of a row.
 */
final class CellGrouping {

    private final FigureScope scope;
    private final List<String> columns = new ArrayList<>();
    /** The groups read so far, by number, and the number of each by its received bytes. */
    private final List<GroupKey> keys = new ArrayList<>();
    private final Map<Received, Integer> numbers = new HashMap<>();

    CellGrouping(FigureScope scope, String dateColumn) {
        this.scope = scope;
        for (Dimension dimension : scope.groupBy()) {
            columns.add(switch (dimension) {
                case FORCE -> "force_code";
                case REGION -> "region";
                // date_part, not extract: extract computes a numeric, about 30 ms more than a double over the 443,664
                // rows of a lags read at a million cases (docs/benchmarks.md). V20's statistics name this expression.
                case YEAR -> "date_part('year', " + dateColumn + ")::int";
                case CONTEXT -> "context";
            });
        }
    }

    /** {@code a, b, } for the select list; empty without groupBy. */
    String selected() {
        return columns.isEmpty() ? "" : String.join(", ", columns) + ", ";
    }

    /** How many columns {@link #selected} names: a row's group is in its first columns, what else it has after. */
    int columnCount() {
        return columns.size();
    }

    /** {@code GROUP BY a, b[, more]}; empty when there is nothing to group by. */
    String groupBy(String... more) {
        List<String> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return all.isEmpty() ? "" : " GROUP BY " + String.join(", ", all);
    }

    /** {@code AND force_code IN (...)} when the scope keeps some forces (empty otherwise); binds them. */
    String forceFilter(List<Object> arguments) {
        if (scope.forces().isEmpty()) {
            return "";
        }
        arguments.addAll(scope.forces());
        return " AND force_code IN (" + String.join(",", scope.forces().stream().map(f -> "?").toList()) + ")";
    }

    /**
     * {@code AND context ...}: the cells kept for each context when the scope groups by it, else those kept for all
     * contexts ({@link ModelCells#ALL_CONTEXTS}) of cell kinds that keep them.
     */
    String contextLevel() {
        return scope.groupBy().contains(Dimension.CONTEXT) ? " AND context <> '" + ModelCells.ALL_CONTEXTS + "'"
                : " AND context = '" + ModelCells.ALL_CONTEXTS + "'";
    }

    /**
     * Whether the groups are as fine as the cells' places and years (by force and year, whatever else), so that the
     * cells of one place and year are one group.
     */
    boolean keepsCellsApart() {
        return scope.groupBy().containsAll(List.of(Dimension.FORCE, Dimension.YEAR));
    }

    /**
     * The group a row's first columns name: one instance per group for this grouping. A row's group is found by the
     * columns' bytes as the driver received them; they are decoded into values only for a group not seen before (at a
     * million members, decoding every row's force code and year, and hashing them as values, was two thirds of a lags
     * call's Java time).
     */
    GroupKey key(ResultSet row) throws SQLException {
        return keys.get(number(row));
    }

    /**
     * The number of a row's group: 0 for the first group read, then 1, and so on, so that a caller counting many rows
     * per group keeps its counts in a list by number instead of a map by key (LagMembers). {@link #keys()} names them.
     */
    int number(ResultSet row) throws SQLException {
        if (columns.isEmpty()) {
            if (keys.isEmpty()) {
                keys.add(GroupKey.NONE);
            }
            return 0;
        }
        byte[][] bytes = new byte[columns.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = row.getBytes(i + 1);
        }
        Received received = new Received(bytes);
        Integer known = numbers.get(received);
        if (known != null) {
            return known;
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < bytes.length; i++) {
            key.put(scope.groupBy().get(i).key(), row.getObject(i + 1));
        }
        int number = keys.size();
        keys.add(new GroupKey(key));
        numbers.put(received, number);
        return number;
    }

    /** The groups read so far, by number. */
    List<GroupKey> keys() {
        return Collections.unmodifiableList(keys);
    }

    /** The bytes of a row's group columns: equal for equal values, as one query's column has one format. */
    private record Received(byte[][] columns) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Received received && Arrays.deepEquals(columns, received.columns);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(columns);
        }
    }
}
