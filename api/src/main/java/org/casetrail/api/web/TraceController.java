package org.casetrail.api.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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

    TraceController(FigureTraces traces, FigureRendering rendering) {
        this.traces = traces;
        this.rendering = rendering;
    }

    @Operation(summary = "The cases and events behind a figure (SEMANTICS 7)",
            description = "The query and position that produced the figure and one contributor per member counted, "
                    + "each with its case, suspect and victim and the events that put it there; for a rate, the "
                    + "members of its denominators. Computed again at the recorded position, so later imports change "
                    + "nothing. Also CSV (Accept: text/csv or format=csv) and XLSX (format=xlsx).")
    @GetMapping("/{figureId}/trace")
    ResponseEntity<?> trace(@PathVariable String figureId, HttpServletRequest request) {
        FigureTraces.Trace trace = traces.trace(figureId).orElseThrow(() -> new NotFoundException("figureId",
                figureId, "no figure " + figureId + " was ever given"));
        return rendering.render(request, trace, () -> TraceTables.trace(trace));
    }
}
