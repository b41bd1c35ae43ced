package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** The investigation closed, with its Home Office outcome type. */
public record CaseClosed(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_CLOSED;
    }
}
