package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** The row it names was entered in error: from this event's {@code reportedOn} on, it never happened. */
public record EventRetracted(String caseRef, String correctedRowId, LocalDate reportedOn, SourceRow source, RowFields fields)
        implements AmendmentEvent {

    @Override
    public EventType type() {
        return EventType.RETRACTION;
    }
}
