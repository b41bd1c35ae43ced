package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** No further action for this suspect, with its Home Office outcome type. */
public record NoFurtherAction(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectStageEvent {

    @Override
    public EventType type() {
        return EventType.NFA;
    }
}
