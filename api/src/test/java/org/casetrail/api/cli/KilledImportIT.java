package org.casetrail.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.api.support.CsvFiles.unique;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.casetrail.api.CasetrailApplication;
import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command line for real: the application jar's main class in a child JVM against this test's database, once to
 * completion and once killed with SIGKILL half way through applying.
 */
@IntegrationTest
class KilledImportIT {

    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HikariDataSource dataSource;

    @Test
    void the_command_line_imports_a_file_and_reports_errors_by_line() throws Exception {
        String source = unique("CLI");
        String c = unique("C");
        Path good = CsvFiles.write(CsvFiles.csv("1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,"));
        Path bad = CsvFiles.write(CsvFiles.csv("2," + c + ",ARRESTED,2024-01-02,2024-01-03,,,,,,,,,"));

        Finished applied = runToEnd("import", "--no-progress", "--source", source, good.toString());
        Finished rejected = runToEnd("import", "--no-progress", "--source", source, bad.toString());

        assertThat(applied.exitCode()).isZero();
        assertThat(applied.output()).contains("1 accepted, 0 duplicates, 0 rejected");
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.output()).contains("line 2, column suspect_ref: suspect_ref is required on ARRESTED rows")
                .contains("Nothing was applied");
    }

    @Test
    void an_import_killed_half_way_and_run_again_applies_every_row_exactly_once() throws Exception {
        String source = unique("KILL");
        String prefix = unique("K");
        CsvFiles.Generated file = CsvFiles.synthetic(11, 3_000, prefix);

        Process child = start("import", "--no-progress", "--source", source, file.file().toString()).process();
        long appliedWhenKilled = waitUntilPartlyApplied(source, file.rows(), child);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(appliedWhenKilled).isPositive().isLessThan(file.rows());
        assertThat(ledgerRows(source)).as("an import killed half way leaves none of its rows").isZero();

        ImportReport rerun = imports.importCsv(source, file.file(), ImportProgress.NONE);

        assertThat(rerun.applied()).isTrue();
        assertThat(rerun.accepted()).as("run again, it applies them all").isEqualTo(file.rows());
        assertThat(rerun.duplicates()).isZero();
        assertThat(ledgerRows(source)).isEqualTo(file.rows());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, prefix + "-%")).isEqualTo(file.rows());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_run WHERE source = ? AND state = 'ABANDONED'",
                Long.class, source)).isEqualTo(1);
        assertThat(imports.importCsv(source, file.file(), ImportProgress.NONE).duplicates()).isEqualTo(file.rows());
    }

    /** Until the import, in its one transaction, says it has appended a tenth of the file (its rows still unseen). */
    private long waitUntilPartlyApplied(String source, long total, Process child) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && child.isAlive()) {
            Long applied = jdbc.queryForObject("SELECT max(accepted) FROM import_run WHERE source = ? "
                    + "AND state = 'RUNNING'", Long.class, source);
            if (applied != null && applied >= total / 10) {
                return applied;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child import ended or stalled before it was half way");
    }

    private long ledgerRows(String source) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE source = ?", Long.class, source);
    }

    private record Finished(int exitCode, String output) {
    }

    private Finished runToEnd(String... args) throws Exception {
        Child child = start(args);
        assertThat(child.process().waitFor(2, TimeUnit.MINUTES)).as("the command line finished").isTrue();
        return new Finished(child.process().exitValue(), Files.readString(child.output()));
    }

    /** A child JVM and the file its standard output and error go to. */
    private record Child(Process process, Path output) {
    }

    private Child start(String... args) throws Exception {
        Path log = Files.createTempFile("casetrail-cli-", ".log");
        log.toFile().deleteOnExit();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dspring.datasource.url=" + dataSource.getJdbcUrl(),
                "-Dspring.datasource.username=" + dataSource.getUsername(),
                "-Dspring.datasource.password=" + nullToEmpty(dataSource.getPassword()),
                CasetrailApplication.class.getName()));
        command.addAll(List.of(args));
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(System.getProperty("user.dir"))).start(), log);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
