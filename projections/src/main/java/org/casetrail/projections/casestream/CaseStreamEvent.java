package org.casetrail.projections.casestream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of a case's stream as the store holds it and a reader sees it, with all three clocks: valid time
 * ({@code occurredOn}), knowledge time ({@code reportedOn}) and system time ({@code position}, {@code storedAt}), the
 * fields as recorded and, for an imported event, the import and line it came from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStreamEvent(long position, Instant storedAt, long sequenceNumber, String eventId, String type,
                              LocalDate occurredOn, LocalDate reportedOn, String source, String sourceRowId,
                              String correctsRowId, Map<String, Object> fields, String importId, Long line) {
}
