package org.casetrail.api.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.projections.casestream.CaseStreamEvent;
import org.casetrail.projections.casestream.CaseStreamReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseStreamReader streams;
    private final AccessLog accessLog;

    CaseController(CaseStreamReader streams, AccessLog accessLog) {
        this.streams = streams;
        this.accessLog = accessLog;
    }

    @Operation(summary = "A case's whole stream",
            description = "Every event of the case in order, corrections and retractions included, each with its "
                    + "valid time (occurredOn), knowledge time (reportedOn) and system time (position, storedAt). "
                    + "States its reason (header Casetrail-Reason or parameter reason), recorded in the access log.")
    @GetMapping("/{caseRef}/events")
    List<CaseStreamEvent> events(@PathVariable String caseRef, HttpServletRequest request) {
        String reason = accessLog.requireReason(request);
        List<CaseStreamEvent> stream = streams.read(caseRef);
        accessLog.record(request, AccessAction.CASE_READ, stream.isEmpty() ? 404 : 200, caseRef, List.of(caseRef),
                reason);
        if (stream.isEmpty()) {
            throw new CaseNotFoundException(caseRef);
        }
        return stream;
    }
}
