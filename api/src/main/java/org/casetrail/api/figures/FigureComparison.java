package org.casetrail.api.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.api.export.FigureTable;

/**
 * The same figure under two definitions, side by side: rows are matched by their labels (every cell that is not a
 * number, the figure id aside), and each number is given for a, for b, and as the difference b - a.
 */
public final class FigureComparison {

    public record Cell(String measure, BigDecimal a, BigDecimal b, BigDecimal difference) {
    }

    public record Row(Map<String, Object> labels, List<Cell> cells) {
    }

    private FigureComparison() {
    }

    public static List<Row> compare(FigureTable a, FigureTable b) {
        Map<Map<String, Object>, Map<String, BigDecimal>> left = index(a);
        Map<Map<String, Object>, Map<String, BigDecimal>> right = index(b);
        Map<Map<String, Object>, Boolean> labels = new LinkedHashMap<>();
        left.keySet().forEach(key -> labels.put(key, true));
        right.keySet().forEach(key -> labels.put(key, true));
        List<String> measures = numericColumns(a.columns().isEmpty() ? b : a);
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> key : labels.keySet()) {
            Map<String, BigDecimal> inA = left.getOrDefault(key, Map.of());
            Map<String, BigDecimal> inB = right.getOrDefault(key, Map.of());
            List<Cell> cells = new ArrayList<>();
            for (String measure : measures) {
                BigDecimal valueA = inA.get(measure);
                BigDecimal valueB = inB.get(measure);
                cells.add(new Cell(measure, valueA, valueB,
                        valueA == null || valueB == null ? null : valueB.subtract(valueA)));
            }
            rows.add(new Row(key, cells));
        }
        return rows;
    }

    private static Map<Map<String, Object>, Map<String, BigDecimal>> index(FigureTable table) {
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
                if (isMeasure(column, value)) {
                    numbers.put(column, value instanceof Number number ? new BigDecimal(number.toString()) : null);
                } else {
                    labels.put(column, value);
                }
            }
            rows.put(labels, numbers);
        }
        return rows;
    }

    private static List<String> numericColumns(FigureTable table) {
        List<String> measures = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String column = table.columns().get(i);
            int index = i;
            boolean numeric = !column.equals("figureId") && !table.rows().isEmpty()
                    && table.rows().stream().anyMatch(row -> isMeasure(column, row.get(index)));
            if (numeric) {
                measures.add(column);
            }
        }
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
