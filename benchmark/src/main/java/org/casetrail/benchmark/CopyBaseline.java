package org.casetrail.benchmark;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.casetrail.core.csv.PipelineColumn;
import org.postgresql.PGConnection;

/**
 * The physical limit of an import: PostgreSQL's own {@code COPY} of the same CSV rows into a plain table of text
 * columns, with no index, no check and no event.
 */
final class CopyBaseline {

    private static final String COLUMNS = Arrays.stream(PipelineColumn.values()).map(PipelineColumn::header)
            .collect(Collectors.joining(", "));

    private final DataSource scratch;

    CopyBaseline(DataSource scratch) throws Exception {
        this.scratch = scratch;
        try (Connection connection = scratch.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS copied_rows (" + Arrays.stream(PipelineColumn.values())
                    .map(column -> column.header() + " text").collect(Collectors.joining(", ")) + ")");
        }
    }

    Measured copy(Path csv) throws Exception {
        try (Connection connection = scratch.getConnection();
             Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long started = System.nanoTime();
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copied_rows (" + COLUMNS
                    + ") FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            return new Measured(rows, (System.nanoTime() - started) / 1e9);
        }
    }
}
