package org.casetrail.api.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.zaxxer.hikari.HikariDataSource;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Imports waiting for the import lock hold no pooled connection, so twelve waiting cannot starve the server. */
@IntegrationTest
class ImportQueueIT {

    @Autowired
    ImportLock lock;
    @Autowired
    ImportService imports;
    @Autowired
    HikariDataSource pool;

    @Test
    void twelve_imports_queue_behind_a_running_one_without_holding_connections() throws Exception {
        List<CompletableFuture<ImportReport>> waiting = new ArrayList<>();
        try (ImportLock.Held running = lock.acquire()) {
            for (int i = 0; i < 12; i++) {
                String c = CsvFiles.unique("QUEUED");
                Path file = CsvFiles.write(CsvFiles.csv("1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,"));
                waiting.add(CompletableFuture.supplyAsync(() -> imports.importCsv(CsvFiles.unique("Q"), file,
                        ImportProgress.NONE)));
            }
            Thread.sleep(1500);
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("the running import's only")
                    .isLessThanOrEqualTo(2);
        }
        for (CompletableFuture<ImportReport> queued : waiting) {
            assertThat(queued.get().accepted()).isEqualTo(1);
        }
    }
}
