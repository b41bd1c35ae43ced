package org.casetrail.api.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.InvalidParameterException;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.export.FigureTable;
import org.casetrail.api.figures.FigureComparison;
import org.casetrail.api.figures.FigureKind;
import org.casetrail.api.figures.FigureService;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/compare")
class CompareController {

    record Side(String id, int version) {
    }

    record Comparison(String figure, Side a, Side b, long position, List<FigureComparison.Row> rows) {
    }

    private final FigureService figures;
    private final DefinitionCatalog definitions;
    private final LedgerCaseSource ledger;

    CompareController(FigureService figures, DefinitionCatalog definitions, LedgerCaseSource ledger) {
        this.figures = figures;
        this.definitions = definitions;
        this.ledger = ledger;
    }

    @Operation(summary = "The same figure under two definitions, side by side",
            description = "a and b are definitions (id or id@version); figure is funnel (default), period-counts, "
                    + "lags, cold-cases, ethnicity or ethnicity-completeness; every other parameter is the figure's "
                    + "own. Both are computed at the same store position; each number is given for a, for b and as "
                    + "the difference b - a.")
    @GetMapping
    Comparison compare(HttpServletRequest request) {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        String[] a = parameters.remove("a");
        String[] b = parameters.remove("b");
        String[] figure = parameters.remove("figure");
        if (a == null || b == null) {
            throw new InvalidParameterException(a == null ? "a" : "b", "a and b name the two definitions to compare");
        }
        if (parameters.containsKey("definition") || parameters.containsKey("format")) {
            throw new InvalidParameterException(parameters.containsKey("definition") ? "definition" : "format",
                    "compare takes a and b instead of definition, and answers JSON");
        }
        if (!parameters.containsKey("position")) {
            parameters.put("position", new String[]{String.valueOf(ledger.head())});
        }
        String name = figure == null ? "funnel" : figure[0];
        Computed left = compute(name, withDefinition(parameters, a[0], "a"));
        Computed right = compute(name, withDefinition(parameters, b[0], "b"));
        return new Comparison(name, left.side(), right.side(),
                Long.parseLong(parameters.get("position")[0]), FigureComparison.compare(left.table(), right.table()));
    }

    private record Computed(Side side, FigureTable table) {
    }

    private Map<String, String[]> withDefinition(Map<String, String[]> parameters, String definition, String side) {
        if (definition.isBlank()) {
            throw new InvalidParameterException(side, side + " must name a definition");
        }
        Map<String, String[]> copy = new HashMap<>(parameters);
        copy.put("definition", new String[]{definition});
        return copy;
    }

    private Computed compute(String figure, Map<String, String[]> parameters) {
        FigureKind kind = FigureKind.byEndpoint(figure).orElseThrow(() -> new InvalidParameterException("figure",
                "figure is one of funnel, period-counts, lags, cold-cases, ethnicity, ethnicity-completeness; not '"
                        + figure + "'"));
        FigureKind.Answer answer = kind.answer(figures, parameters);
        Definition definition = definitions.find(answer.definition().id(), answer.definition().version())
                .orElseThrow();
        return new Computed(new Side(definition.id(), definition.version()), answer.table().apply(definition));
    }
}
