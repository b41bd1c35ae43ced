package org.casetrail.projections.ledger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.casetrail.projections.jdbc.CopyRows;
import org.casetrail.projections.jdbc.EventTables;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code ledger_row}, one flat row per stored event, in the same transaction as the event is appended (its
 * processing group is subscribing). Axon has appended the events before it calls subscribers, so their global
 * positions can be read back in the same transaction. The primary key makes a row identity unique across every case
 * even when writers race.
 */
@ProcessingGroup(LedgerIndexProjection.PROCESSING_GROUP)
public class LedgerIndexProjection {

    private static final EventSchema EVENTS = EventTables.SCHEMA;
    /** Each pending event's global position, by its case and sequence number: one index probe per event. */
    private static final String POSITIONS = """
            SELECT e.%1$s, e.%2$s FROM unnest(?::varchar[], ?::bigint[]) AS k(aggregate, seq)
            CROSS JOIN LATERAL (SELECT %1$s, %2$s FROM %3$s
            WHERE %4$s = k.aggregate AND %5$s = k.seq LIMIT 1) e""".formatted(EVENTS.eventIdentifierColumn(),
            EVENTS.globalIndexColumn(), EVENTS.domainEventTable(), EVENTS.aggregateIdentifierColumn(),
            EVENTS.sequenceNumberColumn());

    public static final String PROCESSING_GROUP = "ledger-index";
    private static final String PENDING = LedgerIndexProjection.class.getName() + ".pending";
    private static final String COLUMNS = "source, source_row_id, case_ref, position, event_id, event_type, "
            + "occurred_on, reported_on, suspect_ref, victim_ref, corrected_row_id, force_code, context, offence_from, "
            + "age, sex, ethnicity, officer_ethnicity, nationality, outcome_type, operation, plea, note, fingerprint";

    private final JdbcTemplate jdbc;

    public LedgerIndexProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the message itself until the rows are written: its identity, case, sequence number and event. */
    @EventHandler(payloadType = CaseEvent.class)
    void on(DomainEventMessage<CaseEvent> message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(message));
            return;
        }
        pendingInThisTransaction().add(message);
    }

    /**
     * Writes the rows waiting in the current transaction now, rather than when it commits. An import applies a whole
     * file in one transaction, batch by batch behind savepoints: it flushes after each batch, so that the rows are
     * written within the batch's savepoint (undone with it) and memory holds one batch, not the file.
     */
    public void flush() {
        @SuppressWarnings("unchecked")
        List<DomainEventMessage<CaseEvent>> rows =
                (List<DomainEventMessage<CaseEvent>>) TransactionSynchronizationManager.getResource(PENDING);
        if (rows != null) {
            // Taken out before writing: a write that fails is undone with its savepoint, and must not be tried again
            // by the next flush.
            List<DomainEventMessage<CaseEvent>> batch = new ArrayList<>(rows);
            rows.clear();
            write(batch);
        }
    }

    /**
     * The rows waiting for the current database transaction, written just before it commits (or at a
     * {@link #flush()}): one position lookup and one statement batch however many commands it holds.
     */
    @SuppressWarnings("unchecked")
    private List<DomainEventMessage<CaseEvent>> pendingInThisTransaction() {
        List<DomainEventMessage<CaseEvent>> rows =
                (List<DomainEventMessage<CaseEvent>>) TransactionSynchronizationManager.getResource(PENDING);
        if (rows == null) {
            List<DomainEventMessage<CaseEvent>> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(created);
                    created.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            rows = created;
        }
        return rows;
    }

    private void write(List<DomainEventMessage<CaseEvent>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Long> positions = positions(batch);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (CopyRows rows = CopyRows.into(connection, "ledger_row", COLUMNS)) {
                for (DomainEventMessage<CaseEvent> message : batch) {
                    rows.add(row(message, positions));
                }
            }
            return null;
        });
        batch.stream().map(message -> message.getPayload().reportedOn()).max(LocalDate::compareTo)
                .ifPresent(latest -> jdbc.update(KNOWLEDGE, Date.valueOf(latest), Date.valueOf(latest)));
        widenCaseBounds(batch, positions);
    }

    /**
     * Each case's first and last knowledge date and position (see V13), widened by this batch's events: grouped as the
     * migration that filled the table groups the ledger, and in case order, so that two writers lock the cases they
     * share in the same order.
     */
    private static final String CASE_BOUNDS = """
            INSERT INTO ledger_case (case_ref, first_reported_on, last_reported_on, first_position, last_position)
            SELECT case_ref, min(reported_on), max(reported_on), min(position), max(position)
            FROM unnest(?::varchar[], ?::date[], ?::bigint[]) AS batch(case_ref, reported_on, position)
            GROUP BY case_ref ORDER BY case_ref
            ON CONFLICT (case_ref) DO UPDATE SET
            first_reported_on = least(ledger_case.first_reported_on, EXCLUDED.first_reported_on),
            last_reported_on = greatest(ledger_case.last_reported_on, EXCLUDED.last_reported_on),
            first_position = least(ledger_case.first_position, EXCLUDED.first_position),
            last_position = greatest(ledger_case.last_position, EXCLUDED.last_position)""";

    private void widenCaseBounds(List<DomainEventMessage<CaseEvent>> batch, Map<String, Long> positions) {
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(CASE_BOUNDS);
            statement.setArray(1, connection.createArrayOf("varchar",
                    batch.stream().map(DomainEventMessage::getAggregateIdentifier).toArray()));
            statement.setArray(2, connection.createArrayOf("date",
                    batch.stream().map(message -> Date.valueOf(message.getPayload().reportedOn())).toArray()));
            statement.setArray(3, connection.createArrayOf("bigint",
                    batch.stream().map(message -> positions.get(message.getIdentifier())).toArray()));
            return statement;
        });
    }

    /** Records a batch's latest knowledge date when no write before it reported as late (see V12). */
    private static final String KNOWLEDGE = """
            INSERT INTO ledger_knowledge (reported_on) SELECT ?
            WHERE NOT EXISTS (SELECT 1 FROM ledger_knowledge WHERE reported_on >= ?)""";

    private static Object[] row(DomainEventMessage<CaseEvent> message, Map<String, Long> positions) {
        CaseEvent event = message.getPayload();
        StreamFact fact = StreamFact.of(event);
        RowFields f = event.fields();
        String eventId = message.getIdentifier();
        Long position = positions.get(eventId);
        if (position == null) {
            throw new IllegalStateException("event " + eventId + " is not in the event store");
        }
        return new Object[]{fact.row().source(), fact.row().rowId(), event.caseRef(), position, eventId,
                fact.type().name(), event.occurredOn(), event.reportedOn(), f.suspectRef(), f.victimRef(),
                fact.correctedRowId(), f.forceCode(), name(f.context()), f.offenceFrom(), f.age(), name(f.sex()),
                f.ethnicity(), f.officerEthnicity(), f.nationality(), f.outcomeType(), f.operation(), name(f.plea()),
                f.note(), fact.fingerprint()};
    }

    /**
     * Looked up by (case, sequence number), not by event id: case references are appended in order, so their index
     * pages stay in memory, where random event ids read a random page of a gigabyte-sized index per event. One index
     * probe per event: the LIMIT keeps PostgreSQL from turning the lookup into a join it may plan as a scan of the
     * whole event table when it has no statistics.
     */
    private Map<String, Long> positions(List<DomainEventMessage<CaseEvent>> batch) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = ArrayParameter.prepare(connection, POSITIONS, 1, "varchar",
                    batch.stream().map(DomainEventMessage::getAggregateIdentifier).toList());
            statement.setArray(2, connection.createArrayOf("bigint",
                    batch.stream().map(DomainEventMessage::getSequenceNumber).toArray()));
            return statement;
        }, row -> {
            positions.put(row.getString(1), row.getLong(2));
        });
        return positions;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
