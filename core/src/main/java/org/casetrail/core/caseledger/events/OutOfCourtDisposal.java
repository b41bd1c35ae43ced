package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** A caution or other out-of-court disposal, with its Home Office outcome type. */
public record OutOfCourtDisposal(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements SuspectStageEvent {

    @Override
    public EventType type() {
        return EventType.OUT_OF_COURT;
    }
}
