package org.casetrail.api.benchmark;


import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One run of every measure the benchmarks issue names, on the database it is pointed at (a fresh one) and a second,
 * empty scratch database for Axon's raw append: generate, import, read ceiling, Axon's processor, Casetrail's replay,
 * query latencies, heap and database size. Prints one markdown section and appends it to a file.
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
        HeapSampler heap = HeapSampler.start();
        Results results = new Results();
        Path file = Files.createTempFile("casetrail-benchmark-", ".csv");
        try {
            long rows = timed(results, "generate", () -> {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    return new SyntheticHistory(seed, cases, "BENCH").write(out);
                }
            });
            PhaseClock importPhases = new PhaseClock();
            ImportReport report = timed(results, "import", () -> imports.importCsv("BENCH", file, importPhases));
            results.importPhases = importPhases.summary();
            long events = report.accepted();
            results.rate("import", events);
            RawAppend.Measured raw = RawAppend.into(scratchUrl, scratchUser, scratchPassword, file, serializer);
            results.seconds.put("axon batched append", raw.seconds());
            results.rate("axon batched append", raw.events());

            timed(results, "jdbc read (ceiling)", () -> readAll(false));
            results.rate("jdbc read (ceiling)", events);
            timed(results, "jdbc read + jackson", () -> readAll(true));
            results.rate("jdbc read + jackson", events);
            timed(results, "axon pooled processor", () -> AxonCounter.replay(eventStore, events));
            results.rate("axon pooled processor", events);

            Definition replayed = new Definition("benchmark", 1, "benchmark", "all cases, replayed",
                    Definition.Rules.DEFAULT);
            definitions.register(replayed);
            Replay replay = timed(results, "casetrail replay", () -> {
                Replay started = replays.start(replayed);
                Replay now = started;
                while (now.state() == Replay.State.RUNNING) {
                    Thread.sleep(200);
                    now = replays.find(started.id()).orElseThrow();
                }
                return now;
            });
            results.rate("casetrail replay", replay.eventsDone());
            results.replayPhases = String.format(Locale.ROOT, "bulk pass over the ledger %.1f s, then funnel "
                    + "cells, statistics, catching up and handing over %.1f s", replay.runningMillis() / 1000.0,
                    results.seconds.get("casetrail replay") - replay.runningMillis() / 1000.0);

            long head = jdbc.queryForObject("SELECT max(position) FROM ledger_row", Long.class);
            int slowRepeats = cases >= 500_000 ? 3 : 10;
            latency(results, "funnel, current, by force and year", 200, "funnel",
                    Map.of("definition", "benchmark@1", "groupBy", "force,year"));
            latency(results, "lags, current, by force and year", slowRepeats, "lags",
                    Map.of("definition", "benchmark@1", "groupBy", "force,year", "start", "ARRESTED", "end",
                            "CHARGED", "asOf", "2025-11-30"));
            latency(results, "ethnicity completeness, by force and year", slowRepeats,
                    "ethnicity-completeness", Map.of("definition", "benchmark@1", "groupBy", "force,year"));
            latency(results, "funnel with asOf", slowRepeats, "funnel", Map.of("definition", "benchmark@1",
                    "groupBy", "force,year", "asOf", "2020-01-01"));
            latency(results, "funnel with position", slowRepeats, "funnel", Map.of("definition",
                    "benchmark@1", "groupBy", "force,year", "position", String.valueOf(head / 2)));

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
            Files.deleteIfExists(file);
        }
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

    private long readAll(boolean deserialize) throws Exception {
        long count = 0;
        Map<String, Long> byType = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT %1$s, %2$s, %3$s FROM %4$s ORDER BY %1$s".formatted(EventTables.SCHEMA.globalIndexColumn(),
                            EventTables.SCHEMA.payloadTypeColumn(), EventTables.SCHEMA.payloadColumn(),
                            EventTables.SCHEMA.domainEventTable()))) {
                statement.setFetchSize(10_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        byte[] payload = rows.getBytes(3);
                        if (deserialize) {
                            Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                                    new SimpleSerializedType(rows.getString(2), null)));
                            byType.merge(event.getClass().getSimpleName(), 1L, Long::sum);
                        }
                        count++;
                    }
                }
            }
            connection.rollback();
        }
        return count;
    }

    private void latency(Results results, String name, int repeats, String figureName, Map<String, String> query) {
        FigureDeclaration<?> figure = FigureCatalog.named(figureName).orElseThrow();
        Map<String, String[]> parameters = new HashMap<>();
        query.forEach((key, value) -> parameters.put(key, new String[]{value}));
        figures.answer(figure, parameters);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            figures.answer(figure, parameters);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Double::compare);
        results.latencies.put(name, new double[]{percentile(millis, 50), percentile(millis, 99), repeats});
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

    private static final class Results {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        final Map<String, Long> counted = new LinkedHashMap<>();
        final Map<String, double[]> latencies = new LinkedHashMap<>();
        String importPhases = "";
        String replayPhases = "";
        String database = "";

        void rate(String name, long events) {
            counted.put(name, events);
        }

        double perSecond(String name) {
            return counted.get(name) / seconds.get(name);
        }

        String markdown(int cases, long rows, long events, long heapMb, long databaseMb, String command) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n### %,d cases (%,d rows, %,d events), %s%n%n", cases, rows,
                    events, Instant.now().toString().substring(0, 10)));
            out.append("Command: `").append(command).append("`; JVM ").append(System.getProperty("java.version"))
                    .append(", ").append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append(", ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores; ").append(database)
                    .append(".\n\n");
            out.append("| measure | events | seconds | events/s | ratio |\n|---|---|---|---|---|\n");
            double ceiling = perSecond("jdbc read (ceiling)");
            double append = perSecond("axon batched append");
            for (String name : counted.keySet()) {
                String ratio = switch (name) {
                    case "import" -> String.format(Locale.ROOT, "%.3f of Axon's batched append", perSecond(name) / append);
                    case "jdbc read + jackson", "axon pooled processor", "casetrail replay" ->
                            String.format(Locale.ROOT, "%.3f of the ceiling", perSecond(name) / ceiling);
                    default -> "";
                };
                out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %s |%n", name, counted.get(name),
                        seconds.get(name), perSecond(name), ratio));
            }
            out.append("\nImport phases: ").append(importPhases).append(".\n");
            out.append("\nReplay phases: ").append(replayPhases).append(".\n");
            out.append("\n| query | calls | p50 ms | p99 ms |\n|---|---|---|---|\n");
            latencies.forEach((name, values) -> out.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n",
                    name, values[2], values[0], values[1])));
            out.append(String.format(Locale.ROOT, "%nPeak heap in use: %,d MB. Database: %,d MB. Generating the "
                    + "file: %.1f s.%n", heapMb, databaseMb, seconds.get("generate")));
            return out.toString();
        }
    }
}
