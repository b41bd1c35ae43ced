package org.casetrail.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.casetrail.projections.catalog.FigureTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a {@link FigureTable} as CSV or as an XLSX workbook with a notes sheet. */
public final class TableWriter {

    private TableWriter() {
    }

    public static void csv(FigureTable table, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(table.columns().stream().map(SpreadsheetText::neutralise).toList());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(TableWriter::text).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void xlsx(FigureTable table, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Casetrail", "1.0");
            Worksheet figures = workbook.newWorksheet(sheetName(table.title()));
            for (int c = 0; c < table.columns().size(); c++) {
                figures.value(0, c, SpreadsheetText.neutralise(table.columns().get(c)));
                figures.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(figures, r + 1, c, row.get(c));
                }
            }
            Worksheet notes = workbook.newWorksheet("Notes");
            notes.value(0, 0, "note");
            notes.value(0, 1, "value");
            notes.style(0, 0).bold().set();
            notes.style(0, 1).bold().set();
            int r = 1;
            for (Map.Entry<String, String> note : table.notes().entrySet()) {
                notes.value(r, 0, SpreadsheetText.neutralise(note.getKey()));
                notes.value(r, 1, SpreadsheetText.neutralise(note.getValue()));
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Worksheet sheet, int row, int column, Object value) {
        if (value instanceof BigDecimal decimal) {
            sheet.value(row, column, decimal);
        } else if (value instanceof Number number) {
            sheet.value(row, column, number);
        } else {
            sheet.value(row, column, text(value));
        }
    }

    /** Numbers and symbols as they are; any other text made safe from being read as a formula. */
    private static String text(Object value) {
        if (value instanceof FigureTable.Symbol symbol) {
            return symbol.text();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return SpreadsheetText.neutralise(String.valueOf(value));
    }

    /** Excel allows 31 characters and no [ ] : * ? / \ in a sheet name. */
    private static String sheetName(String title) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
