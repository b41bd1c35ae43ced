package org.casetrail.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.core.caseledger.EventMetaData;
import org.casetrail.core.caseledger.events.AmendmentEvent;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.projections.casestream.CaseStreamReader;
import org.casetrail.projections.casestream.StoredCaseEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private static final TypeReference<Map<String, Object>> FIELD_MAP = new TypeReference<>() {
    };

    private final CaseStreamReader streams;
    private final ObjectMapper json;
    private final AccessLog accessLog;

    CaseController(CaseStreamReader streams, ObjectMapper json, AccessLog accessLog) {
        this.streams = streams;
        this.json = json;
        this.accessLog = accessLog;
    }

    @Operation(summary = "A case's whole stream",
            description = "Every event of the case in order, corrections and retractions included, each with its "
                    + "valid time (occurredOn), knowledge time (reportedOn) and system time (position, storedAt). "
                    + "States its reason (header Casetrail-Reason or parameter reason), recorded in the access log.")
    @GetMapping("/{caseRef}/events")
    List<CaseEventView> events(@PathVariable String caseRef, HttpServletRequest request) {
        String reason = accessLog.requireReason(request);
        List<StoredCaseEvent> stream = streams.read(caseRef);
        accessLog.record(request, AccessAction.CASE_READ, stream.isEmpty() ? 404 : 200, caseRef, List.of(caseRef),
                reason);
        if (stream.isEmpty()) {
            throw new CaseNotFoundException(caseRef);
        }
        return stream.stream().map(this::view).toList();
    }

    private CaseEventView view(StoredCaseEvent stored) {
        CaseEvent event = stored.event();
        Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(event.fields(), FIELD_MAP));
        fields.values().removeIf(value -> value == null);
        fields.remove("occurredOn");
        Object importId = stored.metaData().get(EventMetaData.IMPORT_ID);
        Object line = stored.metaData().get(EventMetaData.LINE);
        return new CaseEventView(stored.position(), stored.storedAt(), stored.sequenceNumber(), stored.eventId(),
                event.type().name(), event.occurredOn(), event.reportedOn(), event.source().source(),
                event.source().rowId(),
                event instanceof AmendmentEvent amendment ? amendment.correctedRowId() : null,
                fields, importId == null ? null : importId.toString(),
                line instanceof Number number ? number.longValue() : null);
    }
}
