package org.casetrail.projections.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of an answer: its labels, the number its members make up (a count, a population, a total), and the cells
 * whose members are the denominators of its rates, by rate.
 */
public record FigureCell(Map<String, Object> labels, long value, Map<String, String> denominators) {

    /** A cell of a group: the group's key and one label more. */
    public static FigureCell of(Map<String, Object> key, String label, Object value, long count) {
        Map<String, Object> labels = new LinkedHashMap<>(key);
        labels.put(label, value);
        return new FigureCell(labels, count, Map.of());
    }

    /** A group that is itself a cell. */
    public static FigureCell of(Map<String, Object> key, long count) {
        return new FigureCell(key, count, Map.of());
    }
}
