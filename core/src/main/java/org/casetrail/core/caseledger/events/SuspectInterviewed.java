package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** Voluntary interview under caution, without arrest. */
public record SuspectInterviewed(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectStageEvent {

    @Override
    public EventType type() {
        return EventType.INTERVIEWED;
    }
}
