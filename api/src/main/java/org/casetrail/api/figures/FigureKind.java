package org.casetrail.api.figures;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.casetrail.api.export.FigureTable;
import org.casetrail.api.export.FigureTables;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.figures.CellTracer;

/** Every figure endpoint: its name, the parameters of its own, how it is computed and how it is laid out as a table. */
public enum FigureKind {
    FUNNEL("funnel", FigureService.FUNNEL, (service, tracer) -> request -> answer(service.funnel(request, tracer),
            FigureResponses.Funnel::definition, FigureTables::funnel, FigureKind::funnelCells)),
    PERIOD_COUNTS("period-counts", FigureService.PERIOD_COUNTS, (service, tracer) -> request -> answer(
            service.periodCounts(request, tracer), FigureResponses.PeriodCounts::definition,
            FigureTables::periodCounts, answer -> {
                Map<String, Cell> cells = new LinkedHashMap<>();
                answer.groups().forEach(group -> group.counts().forEach(count -> cells.put(count.figureId(),
                        cell(group.key(), "stage", count.stage(), count.count()))));
                return cells;
            })),
    LAGS("lags", FigureService.LAGS, (service, tracer) -> request -> answer(
            service.lags(request, LocalDate.now(), tracer), FigureResponses.Lags::definition, FigureTables::lags,
            answer -> byGroup(answer.groups(), FigureResponses.LagGroup::figureId, FigureResponses.LagGroup::key,
                    FigureResponses.LagGroup::population))),
    COLD_CASES("cold-cases", FigureService.COLD_CASES, (service, tracer) -> request -> answer(
            service.coldCases(request, tracer), FigureResponses.ColdCases::definition, FigureTables::coldCases,
            answer -> byGroup(answer.groups(), FigureResponses.ColdCaseGroup::figureId,
                    FigureResponses.ColdCaseGroup::key, FigureResponses.ColdCaseGroup::reopened))),
    ETHNICITY("ethnicity", FigureService.ETHNICITY, (service, tracer) -> request -> answer(
            service.ethnicity(request, tracer), FigureResponses.Ethnicity::definition, FigureTables::ethnicity,
            answer -> {
                Map<String, Cell> cells = new LinkedHashMap<>();
                List<FigureResponses.EthnicityGroup> groups = answer.asGroups();
                for (FigureResponses.EthnicityGroup group : groups) {
                    group.suspects().forEach(row -> cells.put(row.figureId(), cell(group.key(), "suspectEthnicity",
                            row.suspectEthnicity(), row.count())));
                    group.pairs().forEach(row -> {
                        Map<String, Object> labels = new LinkedHashMap<>(group.key());
                        labels.put("suspectEthnicity", row.suspectEthnicity());
                        labels.put("victimEthnicity", row.victimEthnicity());
                        cells.put(row.figureId(), new Cell(labels, row.count(), Map.of()));
                    });
                }
                return cells;
            })),
    NATIONALITY("nationality", FigureService.NATIONALITY, (service, tracer) -> request -> answer(
            service.nationality(request, tracer), FigureResponses.Nationality::definition, FigureTables::nationality,
            answer -> {
                Map<String, Cell> cells = new LinkedHashMap<>();
                List<FigureResponses.NationalityGroup> groups = answer.asGroups();
                groups.forEach(group -> group.suspects().forEach(row -> cells.put(row.figureId(),
                        cell(group.key(), "nationality", row.nationality(), row.count()))));
                return cells;
            })),
    /** A caseload cell's members are its live cases, its suspects of both kinds and its victims, each by role. */
    CASELOAD("caseload", FigureService.CASELOAD, (service, tracer) -> request -> answer(
            service.caseload(request, LocalDate.now(), tracer), FigureResponses.Caseload::definition,
            FigureTables::caseload, answer -> byGroup(answer.groups(), FigureResponses.CaseloadGroup::figureId,
                    FigureResponses.CaseloadGroup::key, group -> group.liveCases() + group.suspectsUnderInvestigation()
                            + group.suspectsAwaitingOutcome() + group.victimsInLiveCases()))),
    ETHNICITY_COMPLETENESS("ethnicity-completeness", FigureService.COMPLETENESS, (service, tracer) -> request ->
            answer(service.completeness(request, tracer), FigureResponses.Completeness::definition,
                    FigureTables::completeness, answer -> byGroup(answer.groups(),
                            FigureResponses.CompletenessGroup::figureId, FigureResponses.CompletenessGroup::key,
                            FigureResponses.CompletenessGroup::total)));

    /**
     * A computed figure: its JSON answer, the definition it used, its layout once that definition is known, and its
     * cells by figure id.
     */
    public record Answer(Object json, FigureResponses.DefinitionRef definition,
                         Function<Definition, FigureTable> table, Map<String, Cell> cells) {
    }

    /**
     * One cell of an answer: the number its members make up (a count, a population, a total), and the cells whose
     * members are the denominators of its rates.
     */
    public record Cell(Map<String, Object> labels, long value, Map<String, String> denominators) {
    }

    private final String endpoint;
    private final Set<String> parameters;
    private final BiFunction<FigureService, CellTracer, Function<FigureRequest, Answer>> computation;

    FigureKind(String endpoint, Set<String> parameters,
               BiFunction<FigureService, CellTracer, Function<FigureRequest, Answer>> computation) {
        this.endpoint = endpoint;
        this.parameters = parameters;
        this.computation = computation;
    }

    public String endpoint() {
        return endpoint;
    }

    public Answer answer(FigureService service, Map<String, String[]> query) {
        return answer(service, query, CellTracer.NONE);
    }

    /** The figure, with the members of the cells the tracer wants collected. */
    public Answer answer(FigureService service, Map<String, String[]> query, CellTracer tracer) {
        return computation.apply(service, tracer).apply(new FigureRequest(query, parameters));
    }

    /** Every figure's name, as the API spells it: funnel, period-counts, ... */
    public static String endpoints() {
        return String.join(", ", Arrays.stream(values()).map(FigureKind::endpoint).toList());
    }

    public static Optional<FigureKind> byEndpoint(String endpoint) {
        return Arrays.stream(values()).filter(kind -> kind.endpoint.equals(endpoint)).findFirst();
    }

    private static <T> Answer answer(T json, Function<T, FigureResponses.DefinitionRef> definition,
                                     BiFunction<T, Definition, FigureTable> layout,
                                     Function<T, Map<String, Cell>> cells) {
        return new Answer(json, definition.apply(json), resolved -> layout.apply(json, resolved), cells.apply(json));
    }

    private static <G> Map<String, Cell> byGroup(List<G> groups, Function<G, String> figureId,
                                                 Function<G, Map<String, Object>> key, Function<G, Long> value) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        groups.forEach(group -> cells.put(figureId.apply(group), new Cell(key.apply(group), value.apply(group),
                Map.of())));
        return cells;
    }

    private static Cell cell(Map<String, Object> key, String name, Object label, long value) {
        Map<String, Object> labels = new LinkedHashMap<>(key);
        labels.put(name, label);
        return new Cell(labels, value, Map.of());
    }

    /** A funnel stage's rates divide by the previous stage and by the entry stage of the same group. */
    private static Map<String, Cell> funnelCells(FigureResponses.Funnel funnel) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (FigureResponses.FunnelGroup group : funnel.groups()) {
            List<FigureResponses.FunnelStage> stages = group.stages();
            for (int i = 0; i < stages.size(); i++) {
                Map<String, String> denominators = new LinkedHashMap<>();
                if (i > 0) {
                    denominators.put("rateFromPrevious", stages.get(i - 1).figureId());
                    denominators.put("rateFromEntry", stages.get(0).figureId());
                }
                Map<String, Object> labels = new LinkedHashMap<>(group.key());
                labels.put("stage", stages.get(i).stage());
                cells.put(stages.get(i).figureId(), new Cell(labels, stages.get(i).count(), denominators));
            }
        }
        return cells;
    }
}
