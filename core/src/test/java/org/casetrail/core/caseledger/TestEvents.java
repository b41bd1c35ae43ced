package org.casetrail.core.caseledger;

import java.time.LocalDate;

import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.caseledger.events.CaseEvents;
import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;

/** Small events for tests, all of case C1 in source TEST unless said otherwise. */
final class TestEvents {

    static final String CASE = "C1";
    static final LocalDate DAY = LocalDate.of(2024, 1, 10);

    private TestEvents() {
    }

    static CaseEvent opened(String rowId) {
        return event(EventType.CASE_OPENED, rowId, RowFields.builder().occurredOn(DAY).forceCode("E23000005")
                .context(CaseContext.GROUP_CSE).build());
    }

    static CaseEvent suspect(EventType type, String rowId, String suspectRef) {
        return event(type, rowId, RowFields.builder().occurredOn(DAY).suspectRef(suspectRef).outcomeType(
                type.requiresOutcomeType() ? 10 : null).build());
    }

    static CaseEvent victim(String rowId, String victimRef) {
        return event(EventType.VICTIM_RECORDED, rowId, RowFields.builder().occurredOn(DAY).victimRef(victimRef)
                .age(14).build());
    }

    static CaseEvent event(EventType type, String rowId, RowFields fields) {
        return CaseEvents.create(type, CASE, DAY.plusDays(1), new SourceRow("TEST", rowId), null, fields);
    }

    static CaseEvent amendment(EventType type, String rowId, String correctedRowId, RowFields fields) {
        return CaseEvents.create(type, CASE, DAY.plusDays(2), new SourceRow("TEST", rowId), correctedRowId, fields);
    }
}
