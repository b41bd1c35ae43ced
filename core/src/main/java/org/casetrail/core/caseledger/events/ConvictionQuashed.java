package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** The suspect's conviction was quashed on appeal. */
public record ConvictionQuashed(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectStageEvent {

    @Override
    public EventType type() {
        return EventType.CONVICTION_QUASHED;
    }
}
