package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** The prosecution was discontinued, withdrawn, or no evidence was offered. */
public record ProsecutionDiscontinued(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectStageEvent {

    @Override
    public EventType type() {
        return EventType.DISCONTINUED;
    }
}
