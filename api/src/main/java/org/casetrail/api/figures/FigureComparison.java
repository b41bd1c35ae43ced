package org.casetrail.api.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetrail.projections.catalog.FigureTable;

/**
 * One figure computed twice, side by side (SEMANTICS 6.8): rows are matched by their labels (every cell that is not a
 * number, the figure id aside), and each number is given for a, for b, as the difference b - a and as the ratio
 * b / a (4 decimals), each null where a side has none (the ratio also where a is 0).
 */
public final class FigureComparison {

    public record Cell(String measure, BigDecimal a, BigDecimal b, BigDecimal difference, BigDecimal ratio) {
    }

    public record Row(Map<String, Object> labels, List<Cell> cells) {
    }

    private FigureComparison() {
    }

    public static List<Row> compare(FigureTable a, FigureTable b) {
        Set<String> measures = measures(a, b);
        Map<Map<String, Object>, Map<String, BigDecimal>> left = index(a, measures);
        Map<Map<String, Object>, Map<String, BigDecimal>> right = index(b, measures);
        Map<Map<String, Object>, Boolean> labels = new LinkedHashMap<>();
        left.keySet().forEach(key -> labels.put(key, true));
        right.keySet().forEach(key -> labels.put(key, true));
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> key : labels.keySet()) {
            Map<String, BigDecimal> inA = left.getOrDefault(key, Map.of());
            Map<String, BigDecimal> inB = right.getOrDefault(key, Map.of());
            List<Cell> cells = new ArrayList<>();
            for (String measure : measures) {
                BigDecimal valueA = inA.get(measure);
                BigDecimal valueB = inB.get(measure);
                boolean both = valueA != null && valueB != null;
                cells.add(new Cell(measure, valueA, valueB, both ? valueB.subtract(valueA) : null,
                        both && valueA.signum() != 0 ? valueB.divide(valueA, 4, RoundingMode.HALF_UP) : null));
            }
            rows.add(new Row(key, cells));
        }
        return rows;
    }

    /** The comparison as a table: the labels, then one row per measure with a, b, difference and ratio. */
    public static FigureTable table(String figure, List<Row> rows, Map<String, String> notes) {
        List<String> labels = new ArrayList<>();
        rows.forEach(row -> row.labels().keySet().stream().filter(label -> !labels.contains(label))
                .forEach(labels::add));
        List<String> columns = new ArrayList<>(labels);
        columns.addAll(List.of("measure", "a", "b", "difference", "ratio"));
        FigureTable.Builder table = FigureTable.builder("Compare " + figure, columns);
        for (Row row : rows) {
            for (Cell cell : row.cells()) {
                List<Object> values = new ArrayList<>();
                labels.forEach(label -> values.add(row.labels().get(label)));
                values.addAll(Arrays.asList(cell.measure(), cell.a(), cell.b(), cell.difference(),
                        cell.ratio()));
                table.row(values);
            }
        }
        notes.forEach(table::note);
        return table.build();
    }

    private static Map<Map<String, Object>, Map<String, BigDecimal>> index(FigureTable table, Set<String> measures) {
        Map<Map<String, Object>, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> labels = new LinkedHashMap<>();
            Map<String, BigDecimal> numbers = new LinkedHashMap<>();
            for (int i = 0; i < table.columns().size(); i++) {
                String column = table.columns().get(i);
                Object value = row.get(i);
                if (column.equals("figureId")) {
                    continue;
                }
                if (measures.contains(column)) {
                    numbers.put(column, value instanceof Number number ? new BigDecimal(number.toString()) : null);
                } else if (!(value instanceof FigureTable.Symbol)) {
                    labels.put(column, value);
                }
            }
            rows.put(labels, numbers);
        }
        return rows;
    }

    /**
     * The columns of either side that hold numbers (or symbols where numbers would be) and never a label, in the
     * order the sides give them: a side with no rows still has its other side's measures compared (null on its own),
     * and a label column that is not applicable on some rows (a suspect row's victim ethnicity) stays a label, even
     * where no row has a label in it (an answer without pairs).
     */
    private static Set<String> measures(FigureTable a, FigureTable b) {
        Set<String> measures = new LinkedHashSet<>();
        Set<String> labels = new HashSet<>();
        for (FigureTable table : List.of(a, b)) {
            for (int i = 0; i < table.columns().size(); i++) {
                String column = table.columns().get(i);
                for (List<Object> row : table.rows()) {
                    Object value = row.get(i);
                    if (isMeasure(column, value)) {
                        if (value != FigureTable.Symbol.NOT_APPLICABLE) {
                            measures.add(column);
                        }
                    } else if (value != null) {
                        labels.add(column);
                    }
                }
            }
        }
        measures.remove("figureId");
        measures.removeAll(labels);
        return measures;
    }

    /** A measure is a number, or a symbol where a number would be; a group key's year is a label. */
    private static boolean isMeasure(String column, Object value) {
        if (column.equals("year")) {
            return false;
        }
        return value instanceof Number || value instanceof FigureTable.Symbol;
    }
}
