package org.casetrail.core.caseledger.events;

/** A correction or retraction of an earlier row of the same source and case. */
public sealed interface AmendmentEvent extends CaseEvent permits EventCorrected, EventRetracted {

    /** The {@code source_row_id} of the row amended; it belongs to the same source as this event. */
    String correctedRowId();

    default SourceRow correctedRow() {
        return source().sibling(correctedRowId());
    }
}
