package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** A closed case reopened, for example by a cold-case review ({@code operation}, such as BEACONPORT). */
public record CaseReopened(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_REOPENED;
    }
}
