package org.casetrail.api.web;

import java.time.LocalDate;
import java.util.function.BiFunction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.export.FigureTable;
import org.casetrail.api.export.FigureTables;
import org.casetrail.api.figures.FigureRequest;
import org.casetrail.api.figures.FigureResponses;
import org.casetrail.api.figures.FigureService;
import org.casetrail.core.definition.Definition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figure endpoints of SEMANTICS section 10. Each answers JSON, CSV ({@code Accept: text/csv} or
 * {@code format=csv}) and XLSX ({@code format=xlsx}).
 */
@RestController
@RequestMapping("/api/v1")
class FigureController {

    private final FigureService figures;
    private final DefinitionCatalog definitions;

    FigureController(FigureService figures, DefinitionCatalog definitions) {
        this.figures = figures;
        this.definitions = definitions;
    }

    @Operation(summary = "Cohort funnel (SEMANTICS 6.2)")
    @Parameter(name = "entry", in = ParameterIn.QUERY, description = "RECORDED (default) or ARRESTED")
    @Parameter(name = "unit", in = ParameterIn.QUERY, description = "suspect (default) or case")
    @GetMapping("/funnel")
    ResponseEntity<?> funnel(HttpServletRequest request) {
        FigureResponses.Funnel answer = figures.funnel(read(request, FigureService.FUNNEL));
        return FigureRendering.render(request, answer, () -> table(answer.definition(), answer, FigureTables::funnel));
    }

    @Operation(summary = "Period counts (SEMANTICS 6.3)")
    @Parameter(name = "unit", in = ParameterIn.QUERY, description = "suspect (default) or case")
    @GetMapping("/period-counts")
    ResponseEntity<?> periodCounts(HttpServletRequest request) {
        FigureResponses.PeriodCounts answer = figures.periodCounts(read(request, FigureService.PERIOD_COUNTS));
        return FigureRendering.render(request, answer,
                () -> table(answer.definition(), answer, FigureTables::periodCounts));
    }

    @Operation(summary = "Lags (SEMANTICS 6.4)", description = "asOf is also the censoring date (default: today)")
    @Parameter(name = "start", in = ParameterIn.QUERY, required = true,
            description = "OFFENCE, RECORDED, ARRESTED, CHARGED, PROSECUTED or CONVICTED")
    @Parameter(name = "end", in = ParameterIn.QUERY, required = true,
            description = "RECORDED, ARRESTED, CHARGED, PROSECUTED or CONVICTED")
    @GetMapping("/lags")
    ResponseEntity<?> lags(HttpServletRequest request) {
        FigureResponses.Lags answer = figures.lags(read(request, FigureService.LAGS), LocalDate.now());
        return FigureRendering.render(request, answer, () -> table(answer.definition(), answer, FigureTables::lags));
    }

    @Operation(summary = "Cold cases (SEMANTICS 6.5)", description = "from and to are on the reopening date")
    @Parameter(name = "operation", in = ParameterIn.QUERY, description = "e.g. BEACONPORT; default: any")
    @GetMapping("/cold-cases")
    ResponseEntity<?> coldCases(HttpServletRequest request) {
        FigureResponses.ColdCases answer = figures.coldCases(read(request, FigureService.COLD_CASES));
        return FigureRendering.render(request, answer,
                () -> table(answer.definition(), answer, FigureTables::coldCases));
    }

    @Operation(summary = "Suspects and (suspect, victim) pairs by ethnicity (SEMANTICS 6.6)")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "stage reached directly (default RECORDED)")
    @Parameter(name = "scheme", in = ParameterIn.QUERY, description = "self, officer or best (default)")
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "group (default) or code")
    @GetMapping("/ethnicity")
    ResponseEntity<?> ethnicity(HttpServletRequest request) {
        FigureResponses.Ethnicity answer = figures.ethnicity(read(request, FigureService.ETHNICITY));
        return FigureRendering.render(request, answer,
                () -> table(answer.definition(), answer, FigureTables::ethnicity));
    }

    @Operation(summary = "How complete ethnicity recording is (SEMANTICS 6.6)")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "stage reached directly (default RECORDED)")
    @GetMapping("/ethnicity/completeness")
    ResponseEntity<?> completeness(HttpServletRequest request) {
        FigureResponses.Completeness answer = figures.completeness(read(request, FigureService.COMPLETENESS));
        return FigureRendering.render(request, answer,
                () -> table(answer.definition(), answer, FigureTables::completeness));
    }

    private static FigureRequest read(HttpServletRequest request, java.util.Set<String> endpointParameters) {
        return new FigureRequest(request.getParameterMap(), endpointParameters);
    }

    private <T> FigureTable table(FigureResponses.DefinitionRef ref, T answer,
                                  BiFunction<T, Definition, FigureTable> layout) {
        return layout.apply(answer, definitions.find(ref.id(), ref.version()).orElseThrow());
    }
}
