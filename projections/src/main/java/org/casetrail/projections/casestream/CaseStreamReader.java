package org.casetrail.projections.casestream;

import java.time.Instant;
import java.util.List;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.casetrail.core.caseledger.CaseAggregate;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one case's whole stream straight from the event table, with the global position Axon's aggregate loading
 * does not expose.
 */
public class CaseStreamReader {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public CaseStreamReader(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The case's events in stream order; empty when no such case exists. */
    public List<StoredCaseEvent> read(String caseRef) {
        return jdbc.query("SELECT global_index, time_stamp, sequence_number, event_identifier, payload_type, "
                        + "payload_revision, payload, meta_data FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND type = ? ORDER BY sequence_number",
                (row, i) -> new StoredCaseEvent(row.getLong("global_index"),
                        Instant.parse(row.getString("time_stamp")), row.getLong("sequence_number"),
                        row.getString("event_identifier"),
                        serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                                new SimpleSerializedType(row.getString("payload_type"),
                                        row.getString("payload_revision")))),
                        metaData(row.getBytes("meta_data"))),
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
