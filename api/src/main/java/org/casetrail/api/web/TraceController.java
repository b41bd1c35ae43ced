package org.casetrail.api.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.api.export.TraceTables;
import org.casetrail.api.figures.FigureTraces;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/figures")
class TraceController {

    private final FigureTraces traces;
    private final FigureRendering rendering;
    private final AccessLog accessLog;

    TraceController(FigureTraces traces, FigureRendering rendering, AccessLog accessLog) {
        this.traces = traces;
        this.rendering = rendering;
        this.accessLog = accessLog;
    }

    @Operation(summary = "The cases and events behind a figure (SEMANTICS 7)",
            description = "The query and position that produced the figure and one contributor per member counted, "
                    + "each with its case, suspect and victim and the events that put it there; for a rate, the "
                    + "members of its denominators. Computed again at the recorded position, so later imports change "
                    + "nothing. Also CSV (Accept: text/csv or format=csv) and XLSX (format=xlsx). States its reason "
                    + "(header Casetrail-Reason or parameter reason), recorded in the access log with every case it "
                    + "discloses.")
    @GetMapping("/{figureId}/trace")
    ResponseEntity<?> trace(@PathVariable String figureId, HttpServletRequest request) {
        String reason = accessLog.requireReason(request);
        Optional<FigureTraces.Trace> found = traces.trace(figureId);
        accessLog.record(request, AccessAction.TRACE_READ, found.isPresent() ? 200 : 404, figureId,
                found.map(TraceController::cases).orElse(List.of()), reason);
        FigureTraces.Trace trace = found.orElseThrow(() -> new NotFoundException("figureId",
                figureId, "no figure " + figureId + " was ever given"));
        return rendering.render(request, trace, () -> TraceTables.trace(trace));
    }

    /** Every case the trace discloses, its denominators' included. */
    private static List<String> cases(FigureTraces.Trace trace) {
        Set<String> cases = new TreeSet<>();
        trace.contributors().forEach(member -> cases.add(member.caseRef()));
        trace.denominators().values().forEach(denominator -> denominator.contributors()
                .forEach(member -> cases.add(member.caseRef())));
        return List.copyOf(cases);
    }
}
