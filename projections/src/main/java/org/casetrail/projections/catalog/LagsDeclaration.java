package org.casetrail.projections.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.LagsFigure;

/** SEMANTICS 6.4: days from one stage to another, with quantiles, survival and cumulative incidence. */
final class LagsDeclaration extends DescribedFigure<LagsDeclaration.Lags> {

    record Group(Map<String, Object> key, long population, long completed, long censored, long competing,
                 long undated, long invalid, Long p25, Long p50, Long p75, Long p90, BigDecimal mean,
                 Long kaplanMeierMedian, Map<String, BigDecimal> cumulativeIncidence,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<CurvePoint> curve, String figureId) {
    }

    /** One step of a group's curves ({@code curve=true}). */
    record CurvePoint(long t, long atRisk, long completed, long competing, long censored, BigDecimal survival,
                      BigDecimal cumulativeIncidence) {
    }

    record Lags(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String start,
                String end, LocalDate from, LocalDate to, List<Group> groups) implements FigureAnswer {
    }

    LagsDeclaration() {
        super("lags", "Lags (SEMANTICS 6.4)", "asOf is also the censoring date (default: today)");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(
                FigureParameter.choice("curve",
                        "true: each group also has its Kaplan-Meier and cumulative-incidence step curve", false,
                        List.of("true", "false")),
                FigureParameter.choice("start", "the stage the lag starts from", true, LagsFigure.Start.class),
                FigureParameter.choice("end", "the stage the lag ends at", true,
                        List.of("RECORDED", "ARRESTED", "CHARGED", "PROSECUTED", "CONVICTED")));
    }

    @Override
    public Lags answer(FigureQuery query) {
        LagsFigure.Start start = query.choice("start", LagsFigure.Start.class, null);
        Stage end = query.choice("end", Stage.class, null);
        LocalDate censoredOn = query.asOf() == null ? query.today() : query.asOf();
        query.canonical("asOf", censoredOn);
        query.canonical("start", start.name());
        query.canonical("end", end.name());
        boolean curve = query.flag("curve");
        var answered = query.fromModelOrLedger(censoredOn, models -> Optional.of(models.lags(query.scope(), start,
                end, censoredOn, curve)), new LagsFigure(query.scope(), start, end, censoredOn, curve, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> {
                    Map<String, BigDecimal> incidence = new LinkedHashMap<>();
                    group.cumulativeIncidence().forEach((days, value) -> incidence.put(String.valueOf(days), value));
                    return new Group(group.key().values(), group.population(), group.completed(),
                            group.censored(), group.competing(), group.undated(), group.invalid(), group.p25(),
                            group.p50(), group.p75(), group.p90(), group.mean(), group.kaplanMeierMedian(), incidence,
                            group.curve() == null ? null : group.curve().stream().map(point ->
                                    new CurvePoint(point.t(), point.atRisk(), point.completed(), point.competing(),
                                            point.censored(), point.survival(), point.cumulativeIncidence()))
                                    .toList(),
                            ids.cell(LagsFigure.cell(group.key())));
                })
                .toList();
        return new Lags(query.definition(), censoredOn, computed.position(), answered.from(), start.name(),
                end.name(), query.scope().from(), query.scope().to(), groups);
    }

    @Override
    public FigureTable.Builder table(Lags lags) {
        GroupColumns columns = GroupColumns.of(lags.groups(), Group::key);
        FigureTable.Builder table = FigureTable.builder("Lags", columns.then("population", "completed", "censored",
                "competing", "undated", "invalid", "p25", "p50", "p75", "p90", "mean", "kaplanMeierMedian",
                "cumulativeIncidence30", "cumulativeIncidence90", "cumulativeIncidence180", "cumulativeIncidence365",
                "figureId"));
        for (Group group : lags.groups()) {
            table.row(columns.row(group.key(), group.population(), group.completed(), group.censored(),
                    group.competing(), group.undated(), group.invalid(), group.p25(), group.p50(), group.p75(),
                    group.p90(), group.mean(), group.kaplanMeierMedian(), group.cumulativeIncidence().get("30"),
                    group.cumulativeIncidence().get("90"), group.cumulativeIncidence().get("180"),
                    group.cumulativeIncidence().get("365"), group.figureId()));
        }
        return table.note("start", lags.start()).note("end", lags.end()).note("from", lags.from())
                .note("to", lags.to()).note("censoring date", lags.asOf());
    }

    @Override
    public Map<String, FigureCell> cells(Lags lags) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        lags.groups().forEach(group -> cells.put(group.figureId(), FigureCell.of(group.key(), group.population())));
        return cells;
    }

    /** The censoring date defaults to today: a publication fixes it. */
    @Override
    public Map<String, String> frozenByPublication(Map<String, String> parameters, LocalDate today) {
        return parameters.containsKey("asOf") ? Map.of() : Map.of("asOf", today.toString());
    }
}
