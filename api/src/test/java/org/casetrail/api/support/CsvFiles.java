package org.casetrail.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.casetrail.core.synthetic.SyntheticHistory;

/** Pipeline CSV for tests, with names unique to each test so that tests sharing a database never meet. */
public final class CsvFiles {

    public static final String HEADER = "source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,"
            + "context,suspect_ref,victim_ref,age,ethnicity,outcome_type,corrects_row_id,note";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private CsvFiles() {
    }

    /** A name no other test uses, e.g. for a source or a case prefix. */
    public static String unique(String stem) {
        return stem + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The header and then the given lines. */
    public static String csv(String... lines) {
        return HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    public static Path write(String content) {
        try {
            Path file = Files.createTempFile("casetrail-test-", ".csv");
            Files.writeString(file, content, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A synthetic history of the given size; returns the file and how many rows it has. */
    public static Generated synthetic(long seed, int cases, String casePrefix) {
        try {
            Path file = Files.createTempFile("casetrail-synthetic-", ".csv");
            file.toFile().deleteOnExit();
            long rows;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                rows = new SyntheticHistory(seed, cases, casePrefix).write(out);
            }
            return new Generated(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Generated(Path file, long rows) {
    }
}
