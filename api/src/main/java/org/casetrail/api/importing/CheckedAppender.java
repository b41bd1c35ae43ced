package org.casetrail.api.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.casetrail.core.caseledger.CaseAggregate;
import org.casetrail.core.caseledger.EventMetaData;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.casetrail.projections.jdbc.EventTables;
import org.casetrail.projections.ledger.LedgerIndexProjection;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends the events of cases the whole-file check has already accepted straight to the event store, many cases to a
 * batch, without loading each case's aggregate: under the import lock that check ran the very rules the aggregate
 * runs ({@code CaseStreamRules}) against everything stored, so loading the case again would only repeat it, at two
 * round trips per case. The events go through Axon's event store, so the ledger index and every processor see them as
 * they see any other append.
 * <p>
 * The unique (case, sequence number) key is the guard: if any other writer appended to one of the cases since the
 * check, the batch fails as a whole, is rolled back to the savepoint it began at, and {@link #append} reports it so
 * that the caller can send that batch through the aggregate instead.
 */
@Component
class CheckedAppender {

    private static final EventSchema EVENTS = EventTables.SCHEMA;
    private static final String LAST_SEQUENCE_NUMBERS = """
            SELECT k.case_ref, last.%1$s
            FROM unnest(?::varchar[]) AS k(case_ref) CROSS JOIN LATERAL (SELECT %1$s
            FROM %2$s WHERE %3$s = k.case_ref
            ORDER BY %1$s DESC LIMIT 1) last""".formatted(EVENTS.sequenceNumberColumn(), EVENTS.domainEventTable(),
            EVENTS.aggregateIdentifierColumn());

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LedgerIndexProjection ledgerIndex;

    CheckedAppender(EventStore eventStore, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                    LedgerIndexProjection ledgerIndex) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.ledgerIndex = ledgerIndex;
        this.transactions = new TransactionTemplate(transactionManager);
        // A savepoint within the import's one transaction: a batch that loses a race is undone alone.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Appends the staged events of whole cases in one transaction; false, with nothing stored, if a case moved on. */
    boolean append(UUID importId, List<StagingArea.StagedEvent> events) {
        try {
            transactions.executeWithoutResult(status -> {
                eventStore.publish(messages(importId, events));
                ledgerIndex.flush();
            });
            return true;
        } catch (ConcurrencyException | ConcurrencyFailureException | DuplicateKeyException e) {
            return false;
        }
    }

    private List<DomainEventMessage<?>> messages(UUID importId, List<StagingArea.StagedEvent> events) {
        Map<String, Long> next = nextSequenceNumbers(events.stream().map(StagingArea.StagedEvent::caseRef)
                .distinct().toList());
        String aggregateType = CaseAggregate.class.getSimpleName();
        String importIdText = importId.toString();
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        for (StagingArea.StagedEvent staged : events) {
            long sequence = next.merge(staged.caseRef(), 1L, Long::sum) - 1;
            MetaData metaData = MetaData.with(EventMetaData.IMPORT_ID, importIdText).and(EventMetaData.LINE,
                    staged.line());
            messages.add(new GenericDomainEventMessage<>(aggregateType, staged.caseRef(), sequence,
                    new SerializedMessage<>(IdentifierFactory.getInstance().generateIdentifier(), staged.payload(),
                            new LazyDeserializingObject<>(metaData)), GenericEventMessage.clock::instant));
        }
        return messages;
    }

    /**
     * Each case's next sequence number: 0 for a new case, one past its last event otherwise. One index probe per case
     * (the LIMIT keeps PostgreSQL from flattening it into a join): written as {@code aggregate_identifier = ANY (?)},
     * the planner without fresh statistics took 500 cases for a million rows and scanned the whole event table for
     * every batch (measured in docs/benchmarks.md).
     */
    private Map<String, Long> nextSequenceNumbers(List<String> caseRefs) {
        Map<String, Long> next = new HashMap<>();
        caseRefs.forEach(caseRef -> next.put(caseRef, 0L));
        jdbc.query(connection -> ArrayParameter.prepare(connection, LAST_SEQUENCE_NUMBERS, 1, "varchar", caseRefs),
                row -> {
                    next.put(row.getString(1), row.getLong(2) + 1);
                });
        return next;
    }
}
