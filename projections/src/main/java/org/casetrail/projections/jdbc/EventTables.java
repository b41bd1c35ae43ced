package org.casetrail.projections.jdbc;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Axon's event table as Casetrail creates it (db/migration/V1, snake_case): the one description that Axon's storage
 * engine and every query of ours that reads the table take their names from.
 */
public final class EventTables {

    public static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    private EventTables() {
    }
}
