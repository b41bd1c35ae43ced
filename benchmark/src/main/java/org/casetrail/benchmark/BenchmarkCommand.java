package org.casetrail.benchmark;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.figures.FigureService;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.api.replays.Replay;
import org.casetrail.api.replays.ReplayService;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.synthetic.SyntheticHistory;
import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.jdbc.EventTables;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One run of every measure the speed issue names, on the database it is pointed at (a fresh one) and a second, empty
 * scratch database for the baselines: generate the history in parts; import each part, alternating with Axon's raw
 * append and PostgreSQL's COPY of the same rows; the JDBC read ceiling alternating with full replays; Axon's own
 * processor; every figure's latency; the analyst's landing view; heap and database size. Ratios are medians of the
 * alternate pairs. Prints one markdown section and appends it to a file.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure import, replay and queries on a fresh database (use bin/benchmark).")
public class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--cases", defaultValue = "1000000", description = "Synthetic cases (default ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--scratch-url", required = true, description = "JDBC URL of an empty database for Axon's raw "
            + "batched append.")
    String scratchUrl;

    @Option(names = "--scratch-user", defaultValue = "postgres")
    String scratchUser;

    @Option(names = "--scratch-password", defaultValue = "")
    String scratchPassword;

    @Option(names = "--append-to", description = "Markdown file to append the results to.")
    Path appendTo;

    @Option(names = "--command", defaultValue = "", description = "The command line to record with the results.")
    String commandLine;

    @Option(names = "--figures-only", description = "Import without the baselines, replay once, time the figures and "
            + "print them without appending: a quick way to a database of that size whose queries can be examined.")
    boolean figuresOnly;

    @Option(names = "--on-built", description = "Implies --figures-only: time the figures of a database a run with "
            + "--figures-only built before (run the jar directly so that the database is kept), building nothing.")
    boolean onBuilt;

    private final ImportService imports;
    private final ReplayService replays;
    private final DefinitionCatalog definitions;
    private final FigureService figures;
    private final EventStore eventStore;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public BenchmarkCommand(ImportService imports, ReplayService replays, DefinitionCatalog definitions,
                            FigureService figures, EventStore eventStore, DataSource dataSource, JdbcTemplate jdbc,
                            @Qualifier("eventSerializer") Serializer serializer) {
        this.imports = imports;
        this.replays = replays;
        this.definitions = definitions;
        this.figures = figures;
        this.eventStore = eventStore;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public Integer call() throws Exception {
        figuresOnly |= onBuilt;
        HeapSampler heap = HeapSampler.start();
        Results results = new Results();
        List<Path> parts = new ArrayList<>();
        try {
            long rows = 0;
            long events = 0;
            if (!onBuilt) {
                int partCount = cases >= 500_000 ? 5 : 3;
                rows = timed(results, "generate", () -> {
                    long written = 0;
                    for (int i = 0; i < partCount; i++) {
                        Path part = Files.createTempFile("casetrail-benchmark-" + i + "-", ".csv");
                        parts.add(part);
                        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                            written += new SyntheticHistory(seed + i, cases / partCount, "BENCH" + i).write(out);
                        }
                    }
                    return written;
                });
                if (figuresOnly) {
                    events = importOnly(parts);
                } else {
                    importRounds(results, parts);
                    long imported = results.importVsAxon.total(false).events();
                    timedRate(results, "axon pooled processor", imported,
                            () -> AxonCounter.replay(eventStore, imported));
                    events = imported;
                }
                Definition replayed = new Definition("benchmark", 1, "benchmark", "all cases, replayed",
                        Definition.Rules.DEFAULT);
                definitions.register(replayed);
                if (figuresOnly) {
                    awaitReplay(replayed);
                } else {
                    replayRounds(results, replayed, cases >= 500_000 ? 3 : 5);
                }
            }

            long head = jdbc.queryForObject("SELECT max(position) FROM ledger_row", Long.class);
            Map<String, String> byForceAndYear = Map.of("definition", "benchmark@1", "groupBy", "force,year");
            latency(results, "funnel, current, by force and year", "funnel", byForceAndYear);
            latency(results, "period counts, current, by force and year", "period-counts", byForceAndYear);
            latency(results, "ethnicity (suspects and pairs), current, by force and year", "ethnicity",
                    byForceAndYear);
            latency(results, "ethnicity completeness, current, by force and year", "ethnicity-completeness",
                    byForceAndYear);
            latency(results, "nationality, current, by force and year", "nationality", byForceAndYear);
            latency(results, "cold cases, current, by force and year", "cold-cases", byForceAndYear);
            latency(results, "caseload, current, by force", "caseload",
                    Map.of("definition", "benchmark@1", "groupBy", "force", "date", "2025-06-30"));
            Map<String, String> lags = Map.of("definition", "benchmark@1", "groupBy", "force,year", "start",
                    "ARRESTED", "end", "CHARGED");
            latency(results, "lags with quantiles, current, by force and year", "lags", lags);
            Map<String, String> curves = new HashMap<>(lags);
            curves.put("curve", "true");
            latency(results, "lags with curve=true, current, by force and year", "lags", curves);
            latency(results, "funnel with asOf", "funnel", Map.of("definition", "benchmark@1", "groupBy",
                    "force,year", "asOf", "2020-01-01"));
            latency(results, "funnel with position", "funnel", Map.of("definition", "benchmark@1", "groupBy",
                    "force,year", "position", String.valueOf(head / 2)));
            landingView(results);

            if (figuresOnly) {
                System.out.println(results.latencyTable());
                return 0;
            }

            long databaseMb = jdbc.queryForObject("SELECT pg_database_size(current_database()) / 1048576", Long.class);
            results.database = jdbc.queryForObject("""
                    SELECT 'PostgreSQL ' || current_setting('server_version')
                    || ' (shared_buffers ' || current_setting('shared_buffers') || ', max_wal_size '
                    || current_setting('max_wal_size') || ')'""", String.class);
            String section = results.markdown(cases, rows, events, heap.peakMegabytes(), databaseMb, commandLine);
            System.out.println(section);
            if (appendTo != null) {
                Files.writeString(appendTo, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            return 0;
        } finally {
            heap.stop();
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /**
     * The history imported a part at a time; before each part, Axon's raw append of the same events into the scratch
     * store (which then holds as many events as the store the part is imported into) and PostgreSQL's COPY of its
     * rows: three sides measured alternately, so that each ratio is a median of pairs.
     */
    private void importRounds(Results results, List<Path> parts) throws Exception {
        PGSimpleDataSource scratch = new PGSimpleDataSource();
        scratch.setURL(scratchUrl);
        scratch.setUser(scratchUser);
        scratch.setPassword(scratchPassword);
        scratch.setReWriteBatchedInserts(true);
        Flyway.configure().dataSource(scratch).locations("classpath:db/migration").load().migrate();
        RawAppend axon = new RawAppend(scratch, serializer);
        CopyBaseline copy = new CopyBaseline(scratch);
        PhaseClock phases = new PhaseClock();
        for (int i = 0; i < parts.size(); i++) {
            Path part = parts.get(i);
            Measured appended = axon.append(part);
            Measured copied = copy.copy(part);
            long started = System.nanoTime();
            ImportReport report = imports.importCsv("BENCH" + i, part, phases);
            phases.stop();
            Measured imported = new Measured(report.accepted(), (System.nanoTime() - started) / 1e9);
            results.importVsAxon.add(appended, imported);
            results.importVsCopy.add(copied, imported);
        }
        results.importPhases = phases.summary();
    }

    private long importOnly(List<Path> parts) throws Exception {
        long accepted = 0;
        for (int i = 0; i < parts.size(); i++) {
            accepted += imports.importCsv("BENCH" + i, parts.get(i), new PhaseClock()).accepted();
        }
        return accepted;
    }

    private Replay awaitReplay(Definition definition) throws InterruptedException {
        Replay replay = replays.start(definition);
        while (replay.state() == Replay.State.RUNNING) {
            Thread.sleep(200);
            replay = replays.find(replay.id()).orElseThrow();
        }
        return replay;
    }

    /** The JDBC read of the event table (the ceiling) and a full replay, alternately. */
    private void replayRounds(Results results, Definition definition, int rounds) throws Exception {
        long bulkMillis = 0;
        double replaySeconds = 0;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            long read = readAll();
            Measured ceiling = new Measured(read, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            Replay replay = awaitReplay(definition);
            Measured replayed = new Measured(replay.eventsDone(), (System.nanoTime() - started) / 1e9);
            results.replayVsCeiling.add(ceiling, replayed);
            bulkMillis += replay.runningMillis();
            replaySeconds += replayed.seconds();
        }
        results.replayPhases = String.format(Locale.ROOT, "bulk pass over the ledger %.1f s, then the cells, "
                + "statistics, catching up and handing over %.1f s (means of %d replays)", bulkMillis / 1000.0 / rounds,
                (replaySeconds - bulkMillis / 1000.0) / rounds, rounds);
    }

    private interface Timed<T> {
        T run() throws Exception;
    }

    private static <T> T timed(Results results, String name, Timed<T> work) throws Exception {
        long started = System.nanoTime();
        T value = work.run();
        results.seconds.put(name, (System.nanoTime() - started) / 1e9);
        return value;
    }

    private static void timedRate(Results results, String name, long events, Timed<?> work) throws Exception {
        long started = System.nanoTime();
        work.run();
        results.rates.put(name, new Measured(events, (System.nanoTime() - started) / 1e9));
    }

    /** Reads every row of the event table, payload included: the most any replay could do. */
    private long readAll() throws Exception {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT %1$s, %2$s, %3$s FROM %4$s ORDER BY %1$s".formatted(EventTables.SCHEMA.globalIndexColumn(),
                            EventTables.SCHEMA.payloadTypeColumn(), EventTables.SCHEMA.payloadColumn(),
                            EventTables.SCHEMA.domainEventTable()))) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getBytes(3);
                        count++;
                    }
                }
            }
            connection.rollback();
        }
        return count;
    }

    /**
     * A figure's latency: asked once to warm up; a figure that answers within two seconds is then asked 50 times
     * (the funnel 200), a slower one (read from the ledger) twice more, the first call counted.
     */
    private void latency(Results results, String name, String figureName, Map<String, String> query) {
        FigureDeclaration<?> figure = FigureCatalog.named(figureName).orElseThrow();
        Map<String, String[]> parameters = new HashMap<>();
        query.forEach((key, value) -> parameters.put(key, new String[]{value}));
        List<Double> millis = new ArrayList<>();
        long first = System.nanoTime();
        String from = String.valueOf(figures.answer(figure, parameters).json().computedFrom());
        double firstMillis = (System.nanoTime() - first) / 1e6;
        int repeats = firstMillis > 2_000 ? 2 : figureName.equals("funnel") && !query.containsKey("asOf")
                && !query.containsKey("position") ? 200 : 50;
        if (firstMillis > 2_000) {
            millis.add(firstMillis);
        }
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            figures.answer(figure, parameters);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Double::compare);
        results.latencies.put(name, new Latency(from, millis.size(), percentile(millis, 50), percentile(millis, 99)));
    }

    /**
     * The analyst's landing view: the live funnel and, for its recording note, the ethnicity completeness by force,
     * asked together as the page asks them; 20 times after a warm-up, or 3 times when one takes over two seconds.
     */
    private void landingView(Results results) throws Exception {
        FigureDeclaration<?> funnel = FigureCatalog.named("funnel").orElseThrow();
        FigureDeclaration<?> completeness = FigureCatalog.named("ethnicity-completeness").orElseThrow();
        Map<String, String[]> funnelParameters = Map.of("definition", new String[]{"benchmark@1"});
        Map<String, String[]> completenessParameters = Map.of("definition", new String[]{"benchmark@1"},
                "groupBy", new String[]{"force"});
        ExecutorService page = Executors.newFixedThreadPool(2);
        try {
            List<Double> millis = new ArrayList<>();
            int repeats = 20;
            for (int i = 0; i <= repeats; i++) {
                long started = System.nanoTime();
                Future<?> first = page.submit(() -> figures.answer(funnel, funnelParameters));
                Future<?> second = page.submit(() -> figures.answer(completeness, completenessParameters));
                first.get();
                second.get();
                double elapsed = (System.nanoTime() - started) / 1e6;
                if (i == 0 && elapsed > 2_000) {
                    repeats = 2;
                    millis.add(elapsed);
                } else if (i > 0) {
                    millis.add(elapsed);
                }
            }
            millis.sort(Double::compare);
            results.latencies.put("analyst landing view (funnel and completeness by force, together)",
                    new Latency("model", millis.size(), percentile(millis, 50), percentile(millis, 99)));
        } finally {
            page.shutdown();
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The heap in use, sampled every 50 ms: the peak is what the run needed. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            Thread thread = new Thread(() -> {
                while (sampler.running) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    sampler.peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        long peakMegabytes() {
            return peak.get() / (1024 * 1024);
        }

        void stop() {
            running = false;
        }
    }

    private record Latency(String computedFrom, int calls, double p50, double p99) {
    }

    private static final class Results {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        final Map<String, Measured> rates = new LinkedHashMap<>();
        final PairedRatios importVsAxon = new PairedRatios();
        final PairedRatios importVsCopy = new PairedRatios();
        final PairedRatios replayVsCeiling = new PairedRatios();
        final Map<String, Latency> latencies = new LinkedHashMap<>();
        String importPhases = "";
        String replayPhases = "";
        String database = "";

        String latencyTable() {
            StringBuilder out = new StringBuilder("| query | from | calls | p50 ms | p99 ms |\n"
                    + "|---|---|---|---|---|\n");
            latencies.forEach((name, latency) -> out.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.1f | %.1f |%n", name, latency.computedFrom(), latency.calls(), latency.p50(),
                    latency.p99())));
            return out.toString();
        }

        String markdown(int cases, long rows, long events, long heapMb, long databaseMb, String command) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n### %,d cases (%,d rows, %,d events), %s%n%n", cases, rows,
                    events, Instant.now().toString().substring(0, 10)));
            out.append("Command: `").append(command).append("`; JVM ").append(System.getProperty("java.version"))
                    .append(", ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append(", ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores; ").append(database)
                    .append(".\n\n");
            out.append("| ratio (median of alternate pairs, spread) | value |\n|---|---|\n");
            out.append("| import / Axon's batched append into a store holding as many events | ")
                    .append(importVsAxon.summary()).append(" |\n");
            out.append("| import / PostgreSQL's COPY of the same rows | ").append(importVsCopy.summary()).append(" |\n");
            out.append("| full replay / JDBC read of the event table | ").append(replayVsCeiling.summary())
                    .append(" |\n\n");
            out.append("| measure | events | seconds | events/s |\n|---|---|---|---|\n");
            Map<String, Measured> totals = new LinkedHashMap<>();
            totals.put("import (all parts)", importVsAxon.total(false));
            totals.put("axon batched append (all parts)", importVsAxon.total(true));
            totals.put("postgresql copy (all parts)", importVsCopy.total(true));
            totals.put("jdbc read of the event table (all rounds)", replayVsCeiling.total(true));
            totals.put("casetrail replay (all rounds)", replayVsCeiling.total(false));
            totals.putAll(rates);
            totals.forEach((name, measured) -> out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |%n",
                    name, measured.events(), measured.seconds(), measured.perSecond())));
            out.append("\nImport phases (all parts): ").append(importPhases).append(".\n");
            out.append("\nReplay phases: ").append(replayPhases).append(".\n");
            out.append("\n").append(latencyTable());
            out.append(String.format(Locale.ROOT, "%nPeak heap in use: %,d MB. Database: %,d MB. Generating the "
                    + "files: %.1f s.%n", heapMb, databaseMb, seconds.get("generate")));
            return out.toString();
        }
    }
}
