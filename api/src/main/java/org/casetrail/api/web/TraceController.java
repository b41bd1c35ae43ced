package org.casetrail.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.api.export.TraceTables;
import org.casetrail.api.figures.FigureTraces;
import org.casetrail.core.InvalidParameterException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/figures")
class TraceController {

    private static final int MAX_LIMIT = 100_000;

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
    @Parameter(name = "offset", in = ParameterIn.QUERY,
            description = "the first contributor to give (of the figure's and of each denominator's), default 0")
    @Parameter(name = "limit", in = ParameterIn.QUERY,
            description = "how many contributors to give at most (1 to 100000), default all; value says how many "
                    + "there are")
    @GetMapping("/{figureId}/trace")
    ResponseEntity<?> trace(@PathVariable String figureId, @RequestParam(defaultValue = "0") int offset,
                            @RequestParam(required = false) Integer limit, HttpServletRequest request) {
        if (offset < 0) {
            throw new InvalidParameterException("offset", "offset is 0 or more");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidParameterException("limit", "limit is from 1 to " + MAX_LIMIT);
        }
        String reason = accessLog.requireReason(request);
        Optional<FigureTraces.Trace> found = traces.trace(figureId)
                .map(trace -> page(trace, offset, limit == null ? Integer.MAX_VALUE : limit));
        accessLog.record(request, AccessAction.TRACE_READ, found.isPresent() ? 200 : 404, figureId,
                found.map(TraceController::cases).orElse(List.of()), reason);
        FigureTraces.Trace trace = found.orElseThrow(() -> new NotFoundException("figureId",
                figureId, "no figure " + figureId + " was ever given"));
        return rendering.render(request, trace, () -> TraceTables.trace(trace));
    }

    /** The contributors from offset, at most limit of them, of the figure and of each denominator. */
    private static FigureTraces.Trace page(FigureTraces.Trace trace, int offset, int limit) {
        Map<String, FigureTraces.Denominator> denominators = new LinkedHashMap<>();
        trace.denominators().forEach((rate, denominator) -> denominators.put(rate, new FigureTraces.Denominator(
                denominator.figureId(), denominator.value(), slice(denominator.contributors(), offset, limit))));
        return new FigureTraces.Trace(trace.figureId(), trace.endpoint(), trace.query(), trace.position(),
                trace.value(), slice(trace.contributors(), offset, limit), denominators);
    }

    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min((long) from + limit, all.size()));
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
