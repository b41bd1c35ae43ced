package org.casetrail.projections.casestream;

import java.time.Instant;
import java.util.Map;

import org.casetrail.core.caseledger.events.CaseEvent;

/** An event as the store holds it: the event with its system time (global position and timestamp) and metadata. */
public record StoredCaseEvent(long position, Instant storedAt, long sequenceNumber, String eventId, CaseEvent event,
                              Map<String, ?> metaData) {
}
