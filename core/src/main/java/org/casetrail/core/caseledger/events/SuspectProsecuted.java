package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** The suspect's first court hearing. */
public record SuspectProsecuted(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectStageEvent {

    @Override
    public EventType type() {
        return EventType.PROSECUTED;
    }
}
