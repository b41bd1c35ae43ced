package org.casetrail.projections.effective;

import java.time.LocalDate;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;

/**
 * One stored event as the ledger holds it: its system time ({@code position}), knowledge time ({@code reportedOn}),
 * source row, and its fields as recorded (for an amendment, the fields it fills).
 */
public record LedgerEvent(long position, String eventId, SourceRow row, String caseRef, EventType type,
                          LocalDate reportedOn, String correctedRowId, RowFields fields) {

    public boolean isAmendment() {
        return type.isAmendment();
    }

    public SourceRow correctedRow() {
        return row.sibling(correctedRowId);
    }
}
