package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.CaseContext;

/** The force recorded the case: its force, context and the first day of the offending. */
public record CaseOpened(String caseRef, LocalDate reportedOn, SourceRow source, RowFields fields) implements CaseEvent {

    @Override
    public EventType type() {
        return EventType.CASE_OPENED;
    }

    public String forceCode() {
        return fields.forceCode();
    }

    public CaseContext context() {
        return fields.context() == null ? CaseContext.UNKNOWN : fields.context();
    }
}
