package org.casetrail.api.benchmark;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.casetrail.core.caseledger.CaseAggregate;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.csv.PipelineCsvReader;
import org.casetrail.core.csv.PipelineRow;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.jdbc.EventTables;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Axon's raw batched append, the import's fair baseline: already-built events of the same history appended straight to
 * a JDBC storage engine on an empty database, a thousand to a batch, without aggregates, checks or the ledger.
 */
final class RawAppend {

    static final int SAMPLE = 300_000;
    private static final int BATCH = 1_000;

    record Measured(long events, double seconds) {
    }

    private RawAppend() {
    }

    static Measured into(String url, String user, String password, Path csv, Serializer serializer) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setReWriteBatchedInserts(true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .schema(EventTables.SCHEMA)
                .dataType(byte[].class)
                .build();
        List<DomainEventMessage<?>> events = sample(csv);
        long started = System.nanoTime();
        for (int i = 0; i < events.size(); i += BATCH) {
            engine.appendEvents(events.subList(i, Math.min(events.size(), i + BATCH)));
        }
        return new Measured(events.size(), (System.nanoTime() - started) / 1e9);
    }

    private static List<DomainEventMessage<?>> sample(Path csv) throws Exception {
        List<DomainEventMessage<?>> events = new ArrayList<>(SAMPLE);
        Map<String, Long> sequence = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             PipelineCsvReader rows = new PipelineCsvReader(reader, "RAW", ReferenceData.standard())) {
            for (Optional<PipelineRow> row = rows.next(); row.isPresent() && events.size() < SAMPLE;
                 row = rows.next()) {
                CaseEvent event = row.get().event();
                long next = sequence.merge(event.caseRef(), 1L, Long::sum) - 1;
                events.add(new GenericDomainEventMessage<>(CaseAggregate.class.getSimpleName(), event.caseRef(),
                        next, event));
            }
        }
        return events;
    }
}
