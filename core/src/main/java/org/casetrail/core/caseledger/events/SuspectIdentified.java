package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** A suspect of the case and what is known of them. */
public record SuspectIdentified(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectEvent {

    @Override
    public EventType type() {
        return EventType.SUSPECT_IDENTIFIED;
    }
}
