package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** From its {@code reportedOn} on, the fields this correction fills replace those of the row it names; its
 * empty fields keep their earlier values. */
public record EventCorrected(String caseRef, String correctedRowId, LocalDate reportedOn, SourceRow source, RowFields fields)
        implements AmendmentEvent {

    @Override
    public EventType type() {
        return EventType.CORRECTION;
    }
}
