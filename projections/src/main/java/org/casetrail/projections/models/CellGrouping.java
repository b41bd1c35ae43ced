package org.casetrail.projections.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** The groups read so far, so that rows of one group share one key. */
    private final Map<Received, GroupKey> keys = new HashMap<>();

    CellGrouping(FigureScope scope, String dateColumn) {
        this.scope = scope;
        for (Dimension dimension : scope.groupBy()) {
            columns.add(switch (dimension) {
                case FORCE -> "force_code";
                case REGION -> "region";
                case YEAR -> "extract(year FROM " + dateColumn + ")::int";
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
     * The group a row's first columns name: one instance per group for this grouping, so that a caller may tell groups
     * apart by identity (LagMembers does). A row's group is found by the columns' bytes as the driver received them;
     * they are decoded into values only for a group not seen before (at a million members, decoding every row's force
     * code and year, and hashing them as values, was two thirds of a lags call's Java time).
     */
    GroupKey key(ResultSet row) throws SQLException {
        if (columns.isEmpty()) {
            return GroupKey.NONE;
        }
        byte[][] bytes = new byte[columns.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = row.getBytes(i + 1);
        }
        Received received = new Received(bytes);
        GroupKey known = keys.get(received);
        if (known != null) {
            return known;
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < bytes.length; i++) {
            key.put(scope.groupBy().get(i).key(), row.getObject(i + 1));
        }
        GroupKey read = new GroupKey(key);
        keys.put(received, read);
        return read;
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
