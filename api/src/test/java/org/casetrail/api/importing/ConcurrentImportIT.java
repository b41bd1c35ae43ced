package org.casetrail.api.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.api.support.CsvFiles.unique;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ConcurrentImportIT {

    @Autowired
    ImportService imports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void two_imports_of_overlapping_files_at_once_apply_every_row_exactly_once() throws Exception {
        String source = unique("RACE");
        String prefix = unique("RC");
        int cases = 60;
        List<String> shared = new ArrayList<>();
        List<String> onlyFirst = new ArrayList<>();
        List<String> onlySecond = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String c = prefix + "-" + i;
            shared.add(c + "-1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,");
            shared.add(c + "-2," + c + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S1,,,,,,");
            onlyFirst.add(c + "-3," + c + ",ARRESTED,2024-01-05,2024-01-06,,,S1,,,,,,");
            onlySecond.add(c + "-4," + c + ",VICTIM_RECORDED,2024-01-02,2024-01-03,,,,V1,13,,,,");
        }
        List<String> first = new ArrayList<>(shared);
        first.addAll(onlyFirst);
        List<String> second = new ArrayList<>(shared);
        second.addAll(onlySecond);
        Path firstFile = CsvFiles.write(CsvFiles.csv(first.toArray(String[]::new)));
        Path secondFile = CsvFiles.write(CsvFiles.csv(second.toArray(String[]::new)));

        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<ImportReport> a = CompletableFuture.supplyAsync(() -> {
            await(start);
            return imports.importCsv(source, firstFile, ImportProgress.NONE);
        });
        CompletableFuture<ImportReport> b = CompletableFuture.supplyAsync(() -> {
            await(start);
            return imports.importCsv(source, secondFile, ImportProgress.NONE);
        });
        ImportReport reportA = a.get();
        ImportReport reportB = b.get();

        assertThat(reportA.applied()).isTrue();
        assertThat(reportB.applied()).isTrue();
        assertThat(reportA.accepted() + reportB.accepted()).isEqualTo(4L * cases);
        assertThat(reportA.duplicates() + reportB.duplicates()).isEqualTo(2L * cases);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE source = ?", Long.class, source))
                .isEqualTo(4L * cases);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, prefix + "-%")).isEqualTo(4L * cases);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT aggregate_identifier FROM domain_event_entry "
                        + "WHERE aggregate_identifier LIKE ? GROUP BY aggregate_identifier "
                        + "HAVING max(sequence_number) <> 3) wrong", Long.class, prefix + "-%")).isZero();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
