package org.casetrail.projections.casestream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.casetrail.core.caseledger.CaseAggregate;
import org.casetrail.core.caseledger.EventMetaData;
import org.casetrail.core.caseledger.events.AmendmentEvent;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.projections.jdbc.EventTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one case's whole stream straight from the event table, with the global position Axon's aggregate loading
 * does not expose, in the shape the case stream endpoint answers.
 */
public class CaseStreamReader {

    private static final EventSchema EVENTS = EventTables.SCHEMA;
    private static final String READ_STREAM = """
            SELECT %s, %s, %s, %s, %s, %s, %s, %s FROM %s
            WHERE %s = ? AND %s = ? ORDER BY %s""".formatted(EVENTS.globalIndexColumn(), EVENTS.timestampColumn(),
            EVENTS.sequenceNumberColumn(), EVENTS.eventIdentifierColumn(), EVENTS.payloadTypeColumn(),
            EVENTS.payloadRevisionColumn(), EVENTS.payloadColumn(), EVENTS.metaDataColumn(), EVENTS.domainEventTable(),
            EVENTS.aggregateIdentifierColumn(), EVENTS.typeColumn(), EVENTS.sequenceNumberColumn());

    private static final TypeReference<Map<String, Object>> FIELD_MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectMapper json;

    /** {@code json} is the mapper the stream is answered with, so that the fields read as every other answer. */
    public CaseStreamReader(JdbcTemplate jdbc, Serializer serializer, ObjectMapper json) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.json = json;
    }

    /** The case's events in stream order; empty when no such case exists. */
    public List<CaseStreamEvent> read(String caseRef) {
        return jdbc.query(READ_STREAM, (row, i) -> event(row.getLong(EVENTS.globalIndexColumn()),
                        Instant.parse(row.getString(EVENTS.timestampColumn())),
                        row.getLong(EVENTS.sequenceNumberColumn()), row.getString(EVENTS.eventIdentifierColumn()),
                        serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(EVENTS.payloadColumn()),
                                byte[].class, new SimpleSerializedType(row.getString(EVENTS.payloadTypeColumn()),
                                        row.getString(EVENTS.payloadRevisionColumn())))),
                        metaData(row.getBytes(EVENTS.metaDataColumn()))),
                caseRef, CaseAggregate.class.getSimpleName());
    }

    private CaseStreamEvent event(long position, Instant storedAt, long sequenceNumber, String eventId,
                                  CaseEvent event, MetaData metaData) {
        Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(event.fields(), FIELD_MAP));
        fields.values().removeIf(Objects::isNull);
        fields.remove("occurredOn");
        Object importId = metaData.get(EventMetaData.IMPORT_ID);
        Object line = metaData.get(EventMetaData.LINE);
        return new CaseStreamEvent(position, storedAt, sequenceNumber, eventId, event.type().name(),
                event.occurredOn(), event.reportedOn(), event.source().source(), event.source().rowId(),
                event instanceof AmendmentEvent amendment ? amendment.correctedRowId() : null, fields,
                importId == null ? null : importId.toString(),
                line instanceof Number number ? number.longValue() : null);
    }

    private MetaData metaData(byte[] serialized) {
        if (serialized == null) {
            return MetaData.emptyInstance();
        }
        SerializedType type = new SimpleSerializedType(MetaData.class.getName(), null);
        return serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type));
    }

}
