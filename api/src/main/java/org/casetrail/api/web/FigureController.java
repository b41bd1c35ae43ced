package org.casetrail.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.figures.FigureKind;
import org.casetrail.api.figures.FigureService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figure endpoints of SEMANTICS section 10. Each answers JSON, CSV ({@code Accept: text/csv} or
 * {@code format=csv}) and XLSX ({@code format=xlsx}); the parameters all of them take are documented by
 * {@code OpenApiConfiguration}.
 */
@RestController
@RequestMapping("/api/v1")
class FigureController {

    private final FigureService figures;
    private final DefinitionCatalog definitions;
    private final FigureRendering rendering;

    FigureController(FigureService figures, DefinitionCatalog definitions, FigureRendering rendering) {
        this.figures = figures;
        this.definitions = definitions;
        this.rendering = rendering;
    }

    @Operation(summary = "Cohort funnel (SEMANTICS 6.2)")
    @Parameter(name = "entry", in = ParameterIn.QUERY, description = "RECORDED (default) or ARRESTED")
    @Parameter(name = "unit", in = ParameterIn.QUERY, description = "suspect (default), case or victim")
    @GetMapping("/funnel")
    ResponseEntity<?> funnel(HttpServletRequest request) {
        return answer(FigureKind.FUNNEL, request);
    }

    @Operation(summary = "Period counts (SEMANTICS 6.3)")
    @Parameter(name = "unit", in = ParameterIn.QUERY,
            description = "suspect (default), case or victim (adds VICTIM_RECORDED, victims identified)")
    @GetMapping("/period-counts")
    ResponseEntity<?> periodCounts(HttpServletRequest request) {
        return answer(FigureKind.PERIOD_COUNTS, request);
    }

    @Operation(summary = "Lags (SEMANTICS 6.4)", description = "asOf is also the censoring date (default: today)")
    @Parameter(name = "curve", in = ParameterIn.QUERY,
            description = "true: each group also has its Kaplan-Meier and cumulative-incidence step curve")
    @Parameter(name = "start", in = ParameterIn.QUERY, required = true,
            description = "OFFENCE, RECORDED, ARRESTED, CHARGED, PROSECUTED or CONVICTED")
    @Parameter(name = "end", in = ParameterIn.QUERY, required = true,
            description = "RECORDED, ARRESTED, CHARGED, PROSECUTED or CONVICTED")
    @GetMapping("/lags")
    ResponseEntity<?> lags(HttpServletRequest request) {
        return answer(FigureKind.LAGS, request);
    }

    @Operation(summary = "Cold cases (SEMANTICS 6.5)", description = "from and to are on the reopening date")
    @Parameter(name = "operation", in = ParameterIn.QUERY, description = "e.g. BEACONPORT; default: any")
    @GetMapping("/cold-cases")
    ResponseEntity<?> coldCases(HttpServletRequest request) {
        return answer(FigureKind.COLD_CASES, request);
    }

    @Operation(summary = "Suspects and (suspect, victim) pairs by ethnicity (SEMANTICS 6.6)")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "stage reached directly (default RECORDED)")
    @Parameter(name = "scheme", in = ParameterIn.QUERY, description = "self, officer or best (default)")
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "group (default) or code")
    @GetMapping("/ethnicity")
    ResponseEntity<?> ethnicity(HttpServletRequest request) {
        return answer(FigureKind.ETHNICITY, request);
    }

    @Operation(summary = "Suspects by nationality (SEMANTICS 6.6)",
            description = "UK (GBR), Non-UK or Not recorded, or by ISO 3166-1 alpha-3 code with level=code")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "stage reached directly (default RECORDED)")
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "group (default) or code")
    @GetMapping("/nationality")
    ResponseEntity<?> nationality(HttpServletRequest request) {
        return answer(FigureKind.NATIONALITY, request);
    }

    @Operation(summary = "Caseload at a date (SEMANTICS 6.7)",
            description = "Live cases, suspects under investigation, suspects awaiting an outcome and victims in live "
                    + "cases on one date; groupBy force, region or context; from and to are not taken")
    @Parameter(name = "date", in = ParameterIn.QUERY, description = "the day (ISO date); default asOf, else today")
    @GetMapping("/caseload")
    ResponseEntity<?> caseload(HttpServletRequest request) {
        return answer(FigureKind.CASELOAD, request);
    }

    @Operation(summary = "How complete ethnicity recording is (SEMANTICS 6.6)")
    @Parameter(name = "stage", in = ParameterIn.QUERY, description = "stage reached directly (default RECORDED)")
    @GetMapping("/ethnicity/completeness")
    ResponseEntity<?> completeness(HttpServletRequest request) {
        return answer(FigureKind.ETHNICITY_COMPLETENESS, request);
    }

    private ResponseEntity<?> answer(FigureKind kind, HttpServletRequest request) {
        FigureKind.Answer answer = kind.answer(figures, request.getParameterMap());
        return rendering.render(request, answer.json(), () -> answer.table().apply(
                definitions.find(answer.definition().id(), answer.definition().version()).orElseThrow()));
    }
}
