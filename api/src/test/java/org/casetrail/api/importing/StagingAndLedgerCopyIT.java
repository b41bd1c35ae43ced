package org.casetrail.api.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.api.support.CsvFiles.unique;

import java.nio.file.Path;

import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staging and the ledger are written with COPY's text format: every character a CSV field can hold must survive it. */
@IntegrationTest
class StagingAndLedgerCopyIT {

    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void notes_with_tabs_newlines_backslashes_and_non_ascii_letters_are_stored_exactly() {
        String caseRef = unique("COPY");
        String note = "tab\there, back\\slash \\N, new\nline\r\n, quote \"q\", Ünïcødé ✓";
        String quoted = "\"" + note.replace("\"", "\"\"") + "\"";
        Path file = CsvFiles.write(CsvFiles.csv(
                caseRef + "-1," + caseRef + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,," + quoted,
                caseRef + "-2," + caseRef + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S\\1,,,,,,"));

        ImportReport report = imports.importCsv("COPY-TEST", file, ImportProgress.NONE);

        assertThat(report.applied()).isTrue();
        assertThat(jdbc.queryForObject("SELECT note FROM ledger_row WHERE source = 'COPY-TEST' AND source_row_id = ?",
                String.class, caseRef + "-1")).isEqualTo(note);
        assertThat(jdbc.queryForObject("SELECT suspect_ref FROM ledger_row WHERE source = 'COPY-TEST' "
                + "AND source_row_id = ?", String.class, caseRef + "-2")).isEqualTo("S\\1");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, caseRef))
                .contains("Ünïcødé ✓");
        assertThat(imports.importCsv("COPY-TEST", file, ImportProgress.NONE).duplicates()).isEqualTo(2);
    }
}
