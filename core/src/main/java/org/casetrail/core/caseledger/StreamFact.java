package org.casetrail.core.caseledger;

import org.casetrail.core.caseledger.events.AmendmentEvent;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;

/**
 * What the stream rules need to know of one event: its case and identity, type, who it names, what it amends and its
 * fingerprint. The import keeps these for every stored row, so it can check a whole file without loading events.
 */
public record StreamFact(String caseRef, SourceRow row, EventType type, String suspectRef, String victimRef,
                         String correctedRowId, String fingerprint) {

    public static StreamFact of(CaseEvent event) {
        String corrected = event instanceof AmendmentEvent amendment ? amendment.correctedRowId() : null;
        return new StreamFact(event.caseRef(), event.source(), event.type(), event.fields().suspectRef(),
                event.fields().victimRef(), corrected, event.fingerprint());
    }
}
