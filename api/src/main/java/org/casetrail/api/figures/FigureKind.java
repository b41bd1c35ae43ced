package org.casetrail.api.figures;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.casetrail.api.export.FigureTable;
import org.casetrail.api.export.FigureTables;
import org.casetrail.core.definition.Definition;

/** Every figure endpoint: its name, the parameters of its own, how it is computed and how it is laid out as a table. */
public enum FigureKind {
    FUNNEL("funnel", FigureService.FUNNEL, service -> request -> answer(service.funnel(request),
            FigureResponses.Funnel::definition, FigureTables::funnel)),
    PERIOD_COUNTS("period-counts", FigureService.PERIOD_COUNTS, service -> request -> answer(
            service.periodCounts(request), FigureResponses.PeriodCounts::definition, FigureTables::periodCounts)),
    LAGS("lags", FigureService.LAGS, service -> request -> answer(service.lags(request, LocalDate.now()),
            FigureResponses.Lags::definition, FigureTables::lags)),
    COLD_CASES("cold-cases", FigureService.COLD_CASES, service -> request -> answer(service.coldCases(request),
            FigureResponses.ColdCases::definition, FigureTables::coldCases)),
    ETHNICITY("ethnicity", FigureService.ETHNICITY, service -> request -> answer(service.ethnicity(request),
            FigureResponses.Ethnicity::definition, FigureTables::ethnicity)),
    ETHNICITY_COMPLETENESS("ethnicity-completeness", FigureService.COMPLETENESS, service -> request -> answer(
            service.completeness(request), FigureResponses.Completeness::definition, FigureTables::completeness));

    /** A computed figure: its JSON answer, the definition it used, and its layout once that definition is known. */
    public record Answer(Object json, FigureResponses.DefinitionRef definition,
                         Function<Definition, FigureTable> table) {
    }

    private final String endpoint;
    private final Set<String> parameters;
    private final Function<FigureService, Function<FigureRequest, Answer>> computation;

    FigureKind(String endpoint, Set<String> parameters,
               Function<FigureService, Function<FigureRequest, Answer>> computation) {
        this.endpoint = endpoint;
        this.parameters = parameters;
        this.computation = computation;
    }

    public String endpoint() {
        return endpoint;
    }

    public Answer answer(FigureService service, Map<String, String[]> query) {
        return computation.apply(service).apply(new FigureRequest(query, parameters));
    }

    public static Optional<FigureKind> byEndpoint(String endpoint) {
        return Arrays.stream(values()).filter(kind -> kind.endpoint.equals(endpoint)).findFirst();
    }

    private static <T> Answer answer(T json, Function<T, FigureResponses.DefinitionRef> definition,
                                     BiFunction<T, Definition, FigureTable> layout) {
        return new Answer(json, definition.apply(json), resolved -> layout.apply(json, resolved));
    }
}
