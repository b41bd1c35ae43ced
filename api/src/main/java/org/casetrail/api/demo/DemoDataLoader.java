package org.casetrail.api.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.api.publications.PublicationService;
import org.casetrail.api.replays.ReplayAlreadyRunningException;
import org.casetrail.api.replays.ReplayService;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.synthetic.SyntheticHistory;
import org.casetrail.projections.models.DefinitionModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** The demo's publications, so that the public has something to read from the first start. */
    static final String PUBLICATION_PREFIX = "SYNTHETIC demo: ";

    private final ImportService imports;
    private final PublicationService publications;
    private final ReplayService replays;
    private final DefinitionModels models;
    private final JdbcTemplate jdbc;
    private final int cases;
    private final long seed;

    DemoDataLoader(ImportService imports, PublicationService publications, ReplayService replays,
                   DefinitionModels models, JdbcTemplate jdbc,
                   @Value("${casetrail.demo.cases:22000}") int cases, @Value("${casetrail.demo.seed:2025}") long seed) {
        this.imports = imports;
        this.publications = publications;
        this.replays = replays;
        this.models = models;
        this.jdbc = jdbc;
        this.cases = cases;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadInBackground() {
        Thread loading = new Thread(() -> {
            loadNow();
            publishIfMissing();
            replayBuiltInDefinitions();
        }, "demo-data");
        loading.setDaemon(true);
        loading.start();
    }

    /**
     * Builds the built-in definitions' current-state models, as a data team would after loading a history, so that
     * the demo's current funnels are read from them; a definition already built or being built is left alone.
     */
    void replayBuiltInDefinitions() {
        for (Definition definition : Definition.BUILT_IN) {
            if (models.model(definition.id(), definition.version()).isPresent()) {
                continue;
            }
            try {
                replays.start(definition);
            } catch (ReplayAlreadyRunningException running) {
                log.debug("{} is being replayed already", definition.reference());
            }
        }
    }

    /**
     * Publishes the demo's four tables unless an earlier start did: a grooming-gangs funnel by force, arrest-to-charge
     * lags by force, ethnicity recording by force and year, and Operation Beaconport's reopenings by force. Every
     * answer of theirs says the store is synthetic.
     */
    public void publishIfMissing() {
        Long published = jdbc.queryForObject("SELECT count(*) FROM publication WHERE name LIKE ?", Long.class,
                PUBLICATION_PREFIX + "%");
        if (published != null && published > 0) {
            return;
        }
        publish("grooming-gangs funnel by force", "funnel", Map.of("definition", "grooming-gangs", "groupBy", "force"));
        publish("arrest to charge, by force", "lags", Map.of("definition", "group-based", "start", "ARRESTED",
                "end", "CHARGED", "groupBy", "force"));
        publish("ethnicity recording by force and year", "ethnicity-completeness",
                Map.of("definition", "group-based", "groupBy", "force,year", "from", "2015-01-01"));
        publish("Operation Beaconport reopenings by force", "cold-cases",
                Map.of("operation", "BEACONPORT", "groupBy", "force"));
        log.info("Published the SYNTHETIC demo tables for the public");
    }

    private void publish(String name, String figure, Map<String, String> parameters) {
        publications.publish(PUBLICATION_PREFIX + name, List.of(new PublicationService.Request(figure, parameters)));
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
