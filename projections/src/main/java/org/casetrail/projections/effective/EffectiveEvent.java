package org.casetrail.projections.effective;

import java.time.LocalDate;
import java.util.List;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.pipeline.EventType;

/** An event of the effective view: the stored event with every kept correction applied, and those corrections. */
public record EffectiveEvent(LedgerEvent recorded, RowFields fields, List<LedgerEvent> corrections) {

    public EventType type() {
        return recorded.type();
    }

    public LocalDate occurredOn() {
        return fields.occurredOn();
    }

    public String suspectRef() {
        return fields.suspectRef();
    }
}
