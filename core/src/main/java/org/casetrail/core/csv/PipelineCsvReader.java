package org.casetrail.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.core.reference.ReferenceData;

/**
 * Streams a pipeline event CSV (UTF-8, RFC 4180, header row) one row at a time, so a file of any size reads in
 * constant memory. The header is checked first: unknown, repeated and missing required columns are errors of line 1.
 */
public final class PipelineCsvReader implements Closeable {

    private static final Set<PipelineColumn> ALWAYS_REQUIRED = Set.of(PipelineColumn.SOURCE_ROW_ID,
            PipelineColumn.CASE_REF, PipelineColumn.EVENT_TYPE, PipelineColumn.REPORTED_ON);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BoundedRowReader bounded;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final PipelineRowMapper mapper;
    private final List<PipelineColumn> columnsByIndex = new ArrayList<>();
    private final List<RowError> headerErrors = new ArrayList<>();
    private boolean finished;

    public PipelineCsvReader(Reader reader, String source, ReferenceData reference) {
        this(reader, source, reference, ImportLimits.DEFAULT);
    }

    public PipelineCsvReader(Reader reader, String source, ReferenceData reference, ImportLimits limits) {
        this.bounded = new BoundedRowReader(reader, limits.rowChars());
        try {
            this.parser = CSVParser.parse(bounded, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        this.mapper = new PipelineRowMapper(reference, source, limits);
        readHeader();
    }

    /** Problems with the header row. When a required column is missing, no row is read. */
    public List<RowError> headerErrors() {
        return headerErrors;
    }

    /** The next row, or empty at the end of the file. A malformed file ends with one row that says where. */
    public Optional<PipelineRow> next() {
        while (!finished) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                record = records.next();
            } catch (NoSuchElementException end) {
                finished = true;
                return Optional.empty();
            } catch (UncheckedIOException | IllegalStateException malformed) {
                finished = true;
                return Optional.of(PipelineRow.invalid(line, null,
                        List.of(new RowError(line, null, "malformed CSV: " + rootMessage(malformed)))));
            }
            bounded.rowStarted();
            if (isBlank(record)) {
                continue;
            }
            return Optional.of(read(line, record));
        }
        return Optional.empty();
    }

    private PipelineRow read(long line, CSVRecord record) {
        Map<PipelineColumn, String> values = new EnumMap<>(PipelineColumn.class);
        int width = Math.min(record.size(), columnsByIndex.size());
        for (int i = 0; i < width; i++) {
            PipelineColumn column = columnsByIndex.get(i);
            if (column != null) {
                values.put(column, record.get(i));
            }
        }
        if (record.size() != columnsByIndex.size()) {
            String caseRef = values.get(PipelineColumn.CASE_REF);
            return PipelineRow.invalid(line, caseRef, List.of(new RowError(line, null,
                    "the row has " + record.size() + " values but the header has " + columnsByIndex.size()
                            + " columns")));
        }
        return mapper.map(line, values);
    }

    private void readHeader() {
        CSVRecord header;
        try {
            header = records.next();
        } catch (NoSuchElementException empty) {
            headerErrors.add(new RowError(1, null, "the file is empty: a header row is required"));
            finished = true;
            return;
        } catch (UncheckedIOException | IllegalStateException malformed) {
            headerErrors.add(new RowError(1, null, "malformed CSV header: " + rootMessage(malformed)));
            finished = true;
            return;
        }
        Set<PipelineColumn> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1);
            }
            Optional<PipelineColumn> column = PipelineColumn.fromHeader(name);
            if (column.isEmpty()) {
                headerErrors.add(new RowError(1, name, "unknown column '" + name + "'"));
            } else if (!seen.add(column.get())) {
                headerErrors.add(new RowError(1, name, "column '" + name + "' appears more than once"));
            }
            columnsByIndex.add(column.orElse(null));
        }
        for (PipelineColumn required : ALWAYS_REQUIRED) {
            if (!seen.contains(required)) {
                headerErrors.add(new RowError(1, required.header(), "required column '" + required.header()
                        + "' is missing from the header"));
                finished = true;
            }
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof CharacterCodingException) {
            return "the file is not valid UTF-8";
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
