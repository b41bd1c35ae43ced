package org.casetrail.projections.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure laid out for people: one header row and typed cells, and notes (definition, rules, knowledge date,
 * position, time produced) that XLSX puts on a sheet of their own. A null cell is a {@link Symbol}.
 */
public record FigureTable(String title, List<String> columns, List<List<Object>> rows, Map<String, String> notes) {

    /** The Government Statistical Service symbols for cells without a number. */
    public enum Symbol {
        /** Confidential: suppressed to protect people. */
        SUPPRESSED("[c]"),
        /** Not available: nothing to compute it from. */
        NOT_AVAILABLE("[x]"),
        /** Not applicable: the cell has no meaning here. */
        NOT_APPLICABLE("[z]");

        private final String text;

        Symbol(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static Builder builder(String title, List<String> columns) {
        return new Builder(title, columns);
    }

    public static final class Builder {
        private final String title;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final Map<String, String> notes = new LinkedHashMap<>();

        private Builder(String title, List<String> columns) {
            this.title = title;
            this.columns = List.copyOf(columns);
        }

        /** A row; a null value means not available. */
        public Builder row(List<?> values) {
            List<Object> row = new ArrayList<>(values.size());
            for (Object value : values) {
                row.add(value == null ? Symbol.NOT_AVAILABLE : value);
            }
            rows.add(row);
            return this;
        }

        public Builder note(String name, Object value) {
            notes.put(name, value == null ? "" : value.toString());
            return this;
        }

        public FigureTable build() {
            return new FigureTable(title, columns, rows, notes);
        }
    }
}
