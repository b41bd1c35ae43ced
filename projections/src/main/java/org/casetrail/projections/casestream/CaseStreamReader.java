package org.casetrail.projections.casestream;

import java.time.Instant;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.casetrail.core.caseledger.CaseAggregate;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.projections.jdbc.EventTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one case's whole stream straight from the event table, with the global position Axon's aggregate loading
 * does not expose.
 */
public class CaseStreamReader {

    private static final EventSchema EVENTS = EventTables.SCHEMA;
    private static final String READ_STREAM = """
            SELECT %s, %s, %s, %s, %s, %s, %s, %s FROM %s
            WHERE %s = ? AND %s = ? ORDER BY %s""".formatted(EVENTS.globalIndexColumn(), EVENTS.timestampColumn(),
            EVENTS.sequenceNumberColumn(), EVENTS.eventIdentifierColumn(), EVENTS.payloadTypeColumn(),
            EVENTS.payloadRevisionColumn(), EVENTS.payloadColumn(), EVENTS.metaDataColumn(), EVENTS.domainEventTable(),
            EVENTS.aggregateIdentifierColumn(), EVENTS.typeColumn(), EVENTS.sequenceNumberColumn());

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public CaseStreamReader(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The case's events in stream order; empty when no such case exists. */
    public List<StoredCaseEvent> read(String caseRef) {
        return jdbc.query(READ_STREAM, (row, i) -> new StoredCaseEvent(row.getLong(EVENTS.globalIndexColumn()),
                        Instant.parse(row.getString(EVENTS.timestampColumn())),
                        row.getLong(EVENTS.sequenceNumberColumn()), row.getString(EVENTS.eventIdentifierColumn()),
                        serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(EVENTS.payloadColumn()),
                                byte[].class, new SimpleSerializedType(row.getString(EVENTS.payloadTypeColumn()),
                                        row.getString(EVENTS.payloadRevisionColumn())))),
                        metaData(row.getBytes(EVENTS.metaDataColumn()))),
                caseRef, CaseAggregate.class.getSimpleName());
    }

    private MetaData metaData(byte[] serialized) {
        if (serialized == null) {
            return MetaData.emptyInstance();
        }
        SerializedType type = new SimpleSerializedType(MetaData.class.getName(), null);
        return serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type));
    }

}
