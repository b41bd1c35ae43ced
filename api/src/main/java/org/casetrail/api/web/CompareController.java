package org.casetrail.api.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.config.Limits;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.figures.FigureComparison;
import org.casetrail.api.figures.FigureService;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.catalog.FigureTable;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SEMANTICS 6.8: one figure computed twice at the same store position, side a and side b, each with its own
 * definition and, where asked, its own window and dates ({@code a.from}, {@code b.to}, {@code a.asOf},
 * {@code b.date}, ...): two definitions side by side, or a force-by-force table before and after.
 */
@RestController
@RequestMapping("/api/v1/compare")
class CompareController {

    /** The parameters each side may set for itself, as {@code a.<name>} and {@code b.<name>}. */
    private static final List<String> PER_SIDE = List.of("from", "to", "asOf", "date");

    /** A side's definition, and the parameters it set for itself (left out when none). */
    record Side(String id, int version,
                @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> parameters) {
    }

    record Comparison(String figure, Side a, Side b, long position, List<FigureComparison.Row> rows) {
    }

    private final FigureService figures;
    private final DefinitionCatalog definitions;
    private final LedgerCaseSource ledger;
    private final FigureRendering rendering;
    /** Side b's computations: as many at once as ledger figures may run (the rest queue). */
    private final ExecutorService sides;

    CompareController(FigureService figures, DefinitionCatalog definitions, LedgerCaseSource ledger,
                      FigureRendering rendering, Limits limits) {
        this.figures = figures;
        this.definitions = definitions;
        this.ledger = ledger;
        this.rendering = rendering;
        this.sides = Executors.newFixedThreadPool(limits.concurrentFigures(), work -> {
            Thread thread = new Thread(work, "compare-side");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void close() {
        sides.shutdownNow();
    }

    @Operation(summary = "One figure computed twice, side by side (SEMANTICS 6.8)",
            description = "figure is the name of any figure (funnel by default); a and b are definitions (id or id@version, "
                    + "each defaulting to definition); a.from, a.to, a.asOf, a.date and the same for b override the "
                    + "figure's own parameters on one side. Both sides are computed at the same store position; each "
                    + "number is given for a, for b, as the difference b - a and the ratio b / a. JSON, CSV or XLSX.")
    @Parameter(name = "figure", in = ParameterIn.QUERY, description = "which figure; default funnel")
    @Parameter(name = "a", in = ParameterIn.QUERY, description = "side a's definition; default: definition")
    @Parameter(name = "b", in = ParameterIn.QUERY, description = "side b's definition; default: definition")
    @GetMapping
    ResponseEntity<?> compare(HttpServletRequest request) {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        String[] a = parameters.remove("a");
        String[] b = parameters.remove("b");
        String[] figure = parameters.remove("figure");
        parameters.remove("format");
        Map<String, String[]> sideA = side(parameters, "a");
        Map<String, String[]> sideB = side(parameters, "b");
        String[] definition = parameters.get("definition");
        String[] pinned = parameters.get("position");
        if (pinned == null || pinned.length == 0 || pinned[0].isBlank()) {
            // Both sides at one position: the head now, whatever is stored while they are computed.
            parameters.put("position", new String[]{String.valueOf(ledger.head())});
        }
        String name = figure == null ? "funnel" : figure[0];
        FigureDeclaration<?> declared = FigureCatalog.named(name).orElseThrow(() -> new InvalidParameterException(
                "figure", "figure is one of " + FigureCatalog.names() + "; not '" + name + "'"));
        Map<String, String[]> askedA = withSide(parameters, sideA, a != null ? a : definition, "a");
        Map<String, String[]> askedB = withSide(parameters, sideB, b != null ? b : definition, "b");
        // The two sides read the ledger at once, each one pass over the cases, on threads of their own (not the
        // common pool, which a side waiting for a ledger read would hold up).
        CompletableFuture<Computed> rightAsked = CompletableFuture.supplyAsync(() -> compute(declared, "b", askedB),
                sides);
        Computed left;
        try {
            left = compute(declared, "a", askedA);
        } catch (RuntimeException failed) {
            rightAsked.cancel(false);
            throw failed;
        }
        Computed right = joined(rightAsked);
        long position = left.position();
        Comparison comparison = new Comparison(name, left.side(), right.side(), position,
                FigureComparison.compare(left.table(), right.table()));
        return rendering.render(request, comparison, () -> {
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("figure", name);
            notes.put("a", left.side().id() + "@" + left.side().version() + " " + left.side().parameters());
            notes.put("b", right.side().id() + "@" + right.side().version() + " " + right.side().parameters());
            notes.put("position", String.valueOf(position));
            notes.put("difference", "b - a");
            notes.put("ratio", "b / a, 4 decimals; [x] where a side has no number or a is 0");
            return FigureComparison.table(name, comparison.rows(), notes);
        });
    }

    private record Computed(Side side, FigureTable table, long position) {
    }

    /** The other side's answer, or the very error it failed with (a bad parameter stays a 400 naming it). */
    private static Computed joined(CompletableFuture<Computed> side) {
        try {
            return side.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Takes {@code a.from} and the like out of the parameters: what one side sets for itself. */
    private static Map<String, String[]> side(Map<String, String[]> parameters, String side) {
        Map<String, String[]> own = new HashMap<>();
        for (String name : PER_SIDE) {
            String[] value = parameters.remove(side + "." + name);
            if (value != null) {
                own.put(name, value);
            }
        }
        return own;
    }

    private static Map<String, String[]> withSide(Map<String, String[]> parameters, Map<String, String[]> own,
                                                  String[] definition, String side) {
        Map<String, String[]> copy = new HashMap<>(parameters);
        copy.putAll(own);
        if (definition != null) {
            if (definition.length != 1 || definition[0].isBlank()) {
                throw new InvalidParameterException(side, side + " names one definition (id or id@version)");
            }
            copy.put("definition", definition);
        }
        return copy;
    }

    private Computed compute(FigureDeclaration<?> figure, String side, Map<String, String[]> parameters) {
        FigureService.Answer answer;
        try {
            answer = figures.answer(figure, parameters);
        } catch (InvalidParameterException invalid) {
            String name = invalid.parameter();
            String named = PER_SIDE.contains(name) || name.equals("definition") ? side + "." + name : name;
            throw new InvalidParameterException(name.equals("definition") ? side : named, invalid.getMessage());
        }
        Definition definition = definitions.find(answer.definition().id(), answer.definition().version())
                .orElseThrow();
        Map<String, String> own = new LinkedHashMap<>();
        PER_SIDE.forEach(name -> {
            if (parameters.containsKey(name)) {
                own.put(name, parameters.get(name)[0]);
            }
        });
        return new Computed(new Side(definition.id(), definition.version(), own), answer.table().apply(definition),
                answer.json().position());
    }
}
