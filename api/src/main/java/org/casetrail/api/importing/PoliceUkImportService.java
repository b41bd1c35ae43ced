package org.casetrail.api.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.casetrail.core.policeuk.PoliceUkFile;
import org.casetrail.core.policeuk.PoliceUkTranslation;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports data.police.uk archives (SEMANTICS section 9): translates them into pipeline rows and sends those through
 * the ordinary import, so they are checked and applied exactly like any other file.
 */
@Service
public class PoliceUkImportService {

    public static final String DEFAULT_SOURCE = "POLICE-UK";
    private static final int LOOKUP_BATCH = 10_000;

    private final ImportService imports;
    private final JdbcTemplate jdbc;
    private final Uploads uploads;

    PoliceUkImportService(ImportService imports, JdbcTemplate jdbc, Uploads uploads) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.uploads = uploads;
    }

    public PoliceUkReport importArchive(String source, PoliceUkArchive archive, ImportProgress progress) {
        List<String> names = archive.files().stream().map(PoliceUkFile::name).toList();
        List<PoliceUkTranslation.Problem> problems = new ArrayList<>();
        archive.misnamed().forEach(name -> problems.add(new PoliceUkTranslation.Problem(name, 0, null,
                "not a data.police.uk file name: YYYY-MM-<force>-street.csv or YYYY-MM-<force>-outcomes.csv")));
        if (archive.files().isEmpty() && problems.isEmpty()) {
            problems.add(new PoliceUkTranslation.Problem("", 0, null, "no data.police.uk CSV file was given"));
        }
        Path rows = null;
        try {
            rows = uploads.newFile(".csv");
            PoliceUkTranslation.Result translated;
            try (Writer out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
                translated = new PoliceUkTranslation(ReferenceData.standard(), new LedgerLookups(source))
                        .translate(archive.files(), out);
            }
            problems.addAll(translated.problems());
            if (!problems.isEmpty()) {
                return new PoliceUkReport(null, source, names, 0, 0, 0, translated.duplicates(), rowsAtFault(problems),
                        translated.withoutCrimeId(), translated.statusNotes().size(), translated.orphans(), problems);
            }
            ImportReport report = imports.importCsv(source, rows, progress);
            report.errors().forEach(error -> problems.add(new PoliceUkTranslation.Problem("(translated rows)",
                    error.line(), error.column(), error.message())));
            if (report.applied()) {
                keep(translated.statusNotes());
            }
            return new PoliceUkReport(report.importId(), source, names,
                    report.applied() ? translated.crimes() : 0, report.applied() ? translated.outcomes() : 0,
                    report.accepted(), translated.duplicates() + report.duplicates(), report.rejected(),
                    translated.withoutCrimeId(), translated.statusNotes().size(), translated.orphans(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (rows != null) {
                rows.toFile().delete();
            }
        }
    }

    /** The rows the problems name: a file's header (line 1) and a file as a whole (line 0) are not rows. */
    private static long rowsAtFault(List<PoliceUkTranslation.Problem> problems) {
        return problems.stream().filter(problem -> problem.line() > 1)
                .map(problem -> problem.file() + "\n" + problem.line()).distinct().count();
    }

    private void keep(List<PoliceUkTranslation.StatusNote> notes) {
        jdbc.batchUpdate("""
                INSERT INTO police_uk_status_note (crime_id, month, label, file_name, line)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", notes.stream().map(note -> new Object[]{
                note.crime(), note.month(), note.label(), note.file(), note.line()}).toList());
    }

    /** The ledger, asked in batches. */
    private final class LedgerLookups implements PoliceUkTranslation.Store {
        private final String source;

        LedgerLookups(String source) {
            this.source = source;
        }

        @Override
        public Set<String> storedRows(Collection<String> rowIds) {
            return inBatches(rowIds, """
                    SELECT source_row_id FROM ledger_row WHERE source = ?
                    AND source_row_id = ANY (?)""", true);
        }

        @Override
        public Set<String> openedCases(Collection<String> caseRefs) {
            return inBatches(caseRefs, """
                    SELECT case_ref FROM ledger_row WHERE event_type = 'CASE_OPENED'
                    AND case_ref = ANY (?)""", false);
        }

        private Set<String> inBatches(Collection<String> values, String sql, boolean bySource) {
            Set<String> found = new HashSet<>();
            List<String> all = new ArrayList<>(values);
            for (int i = 0; i < all.size(); i += LOOKUP_BATCH) {
                List<String> batch = all.subList(i, Math.min(all.size(), i + LOOKUP_BATCH));
                jdbc.query(connection -> {
                    PreparedStatement statement = ArrayParameter.prepare(connection, sql, bySource ? 2 : 1,
                            "varchar", batch);
                    if (bySource) {
                        statement.setString(1, source);
                    }
                    return statement;
                }, row -> {
                    found.add(row.getString(1));
                });
            }
            return found;
        }
    }
}
