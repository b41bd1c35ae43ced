package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** A victim of the case and what is known of them. */
public record VictimRecorded(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.VICTIM_RECORDED;
    }

    public String victimRef() {
        return fields.victimRef();
    }
}
