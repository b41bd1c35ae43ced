package org.casetrail.projections.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The leading columns of a figure's table: the dimensions its groups are keyed by, in the order grouped. */
record GroupColumns(List<String> dimensions) {

    static <G> GroupColumns of(List<G> groups, Function<G, Map<String, Object>> key) {
        return new GroupColumns(groups.isEmpty() ? List.of() : List.copyOf(key.apply(groups.get(0)).keySet()));
    }

    /** The table's columns: the dimensions, then the figure's own. */
    List<String> then(String... columns) {
        List<String> all = new ArrayList<>(dimensions);
        all.addAll(List.of(columns));
        return all;
    }

    /** One row: the group's key, then the values. */
    List<Object> row(Map<String, Object> key, Object... values) {
        List<Object> row = new ArrayList<>();
        dimensions.forEach(dimension -> row.add(key.get(dimension)));
        row.addAll(Arrays.asList(values));
        return row;
    }
}
