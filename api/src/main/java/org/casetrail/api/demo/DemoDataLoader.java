package org.casetrail.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.core.synthetic.SyntheticHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code casetrail.demo.load=true}, loads a synthetic case history through the ordinary import path in the
 * background once the server is up, so it answers at once and its figures fill in as the history is applied. The
 * history is deterministic, so a second start finds every row already stored and adds nothing. Its default size is the
 * one the generator is calibrated at (docs/calibration.md).
 */
@Component
@ConditionalOnProperty(name = "casetrail.demo.load", havingValue = "true")
public class DemoDataLoader {

    /** Every demo figure is computed from rows of this source, and is synthetic. */
    public static final String SOURCE = "DEMO-SYNTHETIC";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ImportService imports;
    private final int cases;
    private final long seed;

    DemoDataLoader(ImportService imports, @Value("${casetrail.demo.cases:22000}") int cases,
                   @Value("${casetrail.demo.seed:2025}") long seed) {
        this.imports = imports;
        this.cases = cases;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadInBackground() {
        Thread loading = new Thread(this::loadNow, "demo-data");
        loading.setDaemon(true);
        loading.start();
    }

    /** Generates and imports the demo history; returns what the import did. */
    public ImportReport loadNow() {
        try {
            Path file = Files.createTempFile("casetrail-demo-", ".csv");
            try {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new SyntheticHistory(seed, cases, "DEMO").write(out);
                }
                log.info("Loading the SYNTHETIC demo history ({} cases, seed {}): its figures are not real data", cases,
                        seed);
                ImportReport report = imports.importCsv(SOURCE, file, ImportProgress.NONE);
                log.info("Synthetic demo history: {} rows applied, {} already stored", report.accepted(),
                        report.duplicates());
                return report;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
