package org.casetrail.benchmark;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

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

/**
 * Axon's raw batched append, the import's fair baseline: the events of a history file appended straight to a JDBC
 * storage engine, a thousand to a batch, without aggregates, checks or the ledger. Only the appends are timed, not
 * reading the file; the events are streamed, so a file of any size needs one batch of memory.
 */
final class RawAppend {

    private static final int BATCH = 1_000;

    private final JdbcEventStorageEngine engine;

    RawAppend(DataSource scratch, Serializer serializer) {
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(scratch))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .schema(EventTables.SCHEMA)
                .dataType(byte[].class)
                .build();
    }

    /** Appends every event of the file; returns the seconds spent appending. */
    Measured append(Path csv) throws Exception {
        Map<String, Long> sequence = new HashMap<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        long events = 0;
        long nanos = 0;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             PipelineCsvReader rows = new PipelineCsvReader(reader, "RAW", ReferenceData.standard())) {
            for (Optional<PipelineRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                CaseEvent event = row.get().event();
                long next = sequence.merge(event.caseRef(), 1L, Long::sum) - 1;
                batch.add(new GenericDomainEventMessage<>(CaseAggregate.class.getSimpleName(), event.caseRef(),
                        next, event));
                if (batch.size() == BATCH) {
                    nanos += timedAppend(batch);
                    events += batch.size();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            nanos += timedAppend(batch);
            events += batch.size();
        }
        return new Measured(events, nanos / 1e9);
    }

    private long timedAppend(List<DomainEventMessage<?>> batch) {
        long started = System.nanoTime();
        engine.appendEvents(batch);
        return System.nanoTime() - started;
    }
}
