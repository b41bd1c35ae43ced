package org.casetrail.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One event of a case's stream with all three clocks: valid time, knowledge time and system time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseEventView(long position, Instant storedAt, long sequenceNumber, String eventId, String type,
                     LocalDate occurredOn, LocalDate reportedOn, String source, String sourceRowId,
                     String correctsRowId, Map<String, Object> fields, String importId, Long line) {
}
